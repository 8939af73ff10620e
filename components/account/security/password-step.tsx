"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { lazyZodResolver } from "@/lib/forms/lazy-zod-resolver";
import type { ConfirmPasswordInput } from "@/lib/validation/security";

type PasswordStepProps = {
  submitLabel: string;
  variant?: "primary" | "danger";
  /** Resolves to an error sentence, or to nothing when the step succeeded. */
  onSubmit: (password: string) => Promise<string | undefined>;
  onCancel: () => void;
};

/** Asks for the password again before a change to two-factor authentication. */
const { resolver, warm } = lazyZodResolver<ConfirmPasswordInput>(() => import("@/lib/validation/security").then((module) => module.confirmPasswordSchema));

export function PasswordStep({ submitLabel, variant = "primary", onSubmit, onCancel }: PasswordStepProps) {
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState } = useForm<ConfirmPasswordInput>({ resolver });

  const submit = handleSubmit(async ({ password }) => {
    setFormError(await onSubmit(password));
  });

  return (
    <form onSubmit={submit} onFocus={warm} noValidate className="flex flex-col gap-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField label="Password" type="password" autoComplete="current-password" autoFocus error={formState.errors.password?.message} {...register("password")} />
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant={variant} pending={formState.isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
