"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { TextLink } from "@/components/ui/text-link";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/validation/auth";
import { callApi } from "@/lib/api/client";

export function ResetPasswordForm({ token }: { token: string }) {
  const [formError, setFormError] = useState<string>();
  const [done, setDone] = useState(false);
  const { register, handleSubmit, formState } = useForm<ResetPasswordInput>({ resolver: zodResolver(resetPasswordSchema) });

  const onSubmit = handleSubmit(async ({ password }) => {
    setFormError(undefined);
    const { error } = await callApi("POST", "/api/auth/reset-password", { newPassword: password, token });
    if (error) {
      setFormError(error.message);
      return;
    }
    setDone(true);
  });

  if (done) {
    return (
      <Alert tone="success">
        <p className="font-medium">Your password has been changed</p>
        <p className="mt-1">
          Every device that was signed in has been signed out. <TextLink href="/sign-in">Sign in</TextLink> with your new password.
        </p>
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="8 to 128 characters."
        error={formState.errors.password?.message}
        {...register("password")}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        error={formState.errors.confirmPassword?.message}
        {...register("confirmPassword")}
      />
      <Button type="submit" pending={formState.isSubmitting}>
        Change password
      </Button>
    </form>
  );
}
