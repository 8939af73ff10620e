"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { TextField } from "@/components/ui/text-field";
import { lazyZodResolver } from "@/lib/forms/lazy-zod-resolver";
import type { ChangePasswordInput } from "@/lib/validation/security";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/validation/password-length";
import { callApi } from "@/lib/api/client";
import { useStepUp } from "@/components/account/step-up";

const { resolver, warm } = lazyZodResolver<ChangePasswordInput>(() => import("@/lib/validation/security").then((module) => module.changePasswordSchema));

type ChangePasswordFormProps = {
  /** With the sentence to show once the form has closed. */
  onChanged: (message: string) => void;
  onCancel: () => void;
};

export function ChangePasswordForm({ onChanged, onCancel }: ChangePasswordFormProps) {
  const router = useRouter();
  const { withStepUp } = useStepUp();
  const [failure, setFailure] = useState<string>();
  const { register, handleSubmit, formState, control } = useForm<ChangePasswordInput>({
    resolver,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "", revokeOtherSessions: true },
  });
  const [newPassword, confirmPassword] = useWatch({ control, name: ["newPassword", "confirmPassword"] });
  const matches = newPassword.length > 0 && newPassword === confirmPassword;

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword, revokeOtherSessions }) => {
    setFailure(undefined);
    const answer = await withStepUp(() => callApi("POST", "/api/auth/change-password", { currentPassword, newPassword, revokeOtherSessions }));
    if (!answer) return;
    const { error } = answer;
    if (error) {
      setFailure(error.message);
      return;
    }
    onChanged(revokeOtherSessions ? "Password changed. Every other device has been signed out." : "Password changed.");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} onFocus={warm} noValidate className="flex max-w-md flex-col gap-4">
      {failure && <Alert tone="error">{failure}</Alert>}
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        autoFocus
        error={formState.errors.currentPassword?.message}
        {...register("currentPassword")}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, not one of the most common passwords.`}
        error={formState.errors.newPassword?.message}
        {...register("newPassword")}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        hint={confirmPassword.length > 0 && !matches ? "The passwords do not match yet." : undefined}
        error={formState.errors.confirmPassword?.message}
        {...register("confirmPassword")}
      />
      <Checkbox label="Sign out of other devices" hint="Everywhere else you are signed in will need the new password." {...register("revokeOtherSessions")} />
      <div className="flex gap-2">
        <Button type="submit" disabled={!matches} pending={formState.isSubmitting}>
          Change password
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
