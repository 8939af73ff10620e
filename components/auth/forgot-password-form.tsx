"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { lazyZodResolver } from "@/lib/forms/lazy-zod-resolver";
import type { ForgotPasswordInput } from "@/lib/validation/auth";
import { callApi } from "@/lib/api/client";

const { resolver, warm } = lazyZodResolver<ForgotPasswordInput>(() => import("@/lib/validation/auth").then((module) => module.forgotPasswordSchema));

export function ForgotPasswordForm() {
  const [formError, setFormError] = useState<string>();
  const [sentTo, setSentTo] = useState<string>();
  const { register, handleSubmit, formState } = useForm<ForgotPasswordInput>({ resolver });

  const onSubmit = handleSubmit(async ({ email }) => {
    setFormError(undefined);
    const { error } = await callApi("POST", "/api/auth/request-password-reset", { email, redirectTo: "/reset-password" });
    if (error) {
      setFormError(error.message);
      return;
    }
    setSentTo(email);
  });

  if (sentTo) {
    return (
      <Alert tone="success">
        <p className="font-medium">Check your inbox</p>
        <p className="mt-1">
          If an account uses <strong>{sentTo}</strong>, we sent it a link to choose a new password. The link works for 1 hour.
        </p>
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} onFocus={warm} noValidate className="flex flex-col gap-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField label="Email" type="email" autoComplete="email" error={formState.errors.email?.message} {...register("email")} />
      <Button type="submit" pending={formState.isSubmitting}>
        Send reset link
      </Button>
    </form>
  );
}
