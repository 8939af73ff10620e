"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { callApi } from "@/lib/api/client";
import { stepUpSchema, stepUpWithCodeSchema, type StepUpInput } from "@/lib/validation/security";

export function StepUpForm({ twoFactorEnabled, onConfirmed, onCancel }: { twoFactorEnabled: boolean; onConfirmed: () => void; onCancel: () => void }) {
  const [formError, setFormError] = useState<string>();
  const schema = twoFactorEnabled ? stepUpWithCodeSchema : stepUpSchema;
  const { register, handleSubmit, formState } = useForm<StepUpInput>({ resolver: zodResolver(schema) });

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    const { error } = await callApi("POST", "/api/auth/users/me/step-up", values);
    if (error) setFormError(error.message);
    else onConfirmed();
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField label="Password" type="password" autoComplete="current-password" autoFocus error={formState.errors.password?.message} {...register("password")} />
      {twoFactorEnabled && (
        <TextField
          label="Authentication code"
          autoComplete="one-time-code"
          spellCheck={false}
          hint="The 6-digit code from your authenticator app, or one of your backup codes."
          error={formState.errors.code?.message}
          {...register("code")}
        />
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" pending={formState.isSubmitting}>
          Confirm
        </Button>
      </div>
    </form>
  );
}

