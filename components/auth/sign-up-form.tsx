"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { lazyZodResolver } from "@/lib/forms/lazy-zod-resolver";
import type { SignUpInput } from "@/lib/validation/auth";
import { callApi } from "@/lib/api/client";

const { resolver, warm } = lazyZodResolver<SignUpInput>(() => import("@/lib/validation/auth").then((module) => module.signUpSchema));

export function SignUpForm() {
  const [formError, setFormError] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const { register, handleSubmit, formState } = useForm<SignUpInput>({ resolver });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const { error } = await callApi("POST", "/api/auth/sign-up/email", { ...values, callbackURL: "/verify-email" });
    if (error) {
      setFormError(error.message);
      return;
    }
    setSentTo(values.email);
  });

  if (sentTo) {
    return (
      <Alert tone="success">
        <p className="font-medium">Check your inbox</p>
        <p className="mt-1">
          We sent a link to <strong>{sentTo}</strong>. Open it to verify your address and finish signing up.
        </p>
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} onFocus={warm} noValidate className="flex flex-col gap-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField label="Name" autoComplete="name" error={formState.errors.name?.message} {...register("name")} />
      <TextField label="Email" type="email" autoComplete="email" error={formState.errors.email?.message} {...register("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="8 to 128 characters."
        error={formState.errors.password?.message}
        {...register("password")}
      />
      <Button type="submit" pending={formState.isSubmitting}>
        Create account
      </Button>
    </form>
  );
}
