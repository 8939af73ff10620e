"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { callApi } from "@/lib/api/client";
import { stepUpSchema, stepUpWithCodeSchema, type StepUpInput } from "@/lib/validation/security";

const linkButton = "self-start text-left text-sm font-medium text-indigo-700 underline-offset-4 hover:underline disabled:opacity-60 dark:text-indigo-300";

type Props = { twoFactorEnabled: boolean; emailCode: boolean; startWithEmail: boolean; onConfirmed: () => void; onCancel: () => void };

export function StepUpForm({ twoFactorEnabled, emailCode, startWithEmail, onConfirmed, onCancel }: Props) {
  const [formError, setFormError] = useState<string>();
  // Where the code comes from: the authenticator app (or a backup code), or the email.
  const [fromEmail, setFromEmail] = useState(emailCode && startWithEmail);
  const [mailed, setMailed] = useState<"no" | "sending" | "yes">("no");
  const schema = twoFactorEnabled ? stepUpWithCodeSchema : stepUpSchema;
  const { register, handleSubmit, formState, resetField } = useForm<StepUpInput>({ resolver: zodResolver(schema) });

  const mailCode = async () => {
    setFormError(undefined);
    setMailed("sending");
    const { error } = await callApi("POST", "/api/auth/users/me/step-up/email-code");
    setMailed(error ? "no" : "yes");
    if (error) setFormError(error.message);
  };

  const switchSource = () => {
    setFromEmail(!fromEmail);
    setFormError(undefined);
    resetField("code");
  };

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    const { error } = await callApi("POST", "/api/auth/users/me/step-up", fromEmail ? { ...values, codeMethod: "email" } : values);
    if (error) setFormError(error.message);
    else onConfirmed();
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField label="Password" type="password" autoComplete="current-password" autoFocus error={formState.errors.password?.message} {...register("password")} />
      {twoFactorEnabled && !fromEmail && (
        <TextField
          label="Authentication code"
          autoComplete="one-time-code"
          spellCheck={false}
          hint="The 6-digit code from your authenticator app, or one of your backup codes."
          error={formState.errors.code?.message}
          {...register("code")}
        />
      )}
      {twoFactorEnabled && fromEmail && (
        <div className="flex flex-col gap-2">
          <TextField
            label="Code from the email"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            hint={mailed === "yes" ? "Sent. It works once, within 5 minutes." : "Send yourself a code, then enter it here."}
            error={formState.errors.code?.message}
            {...register("code")}
          />
          <Button variant="secondary" className="self-start" pending={mailed === "sending"} onClick={mailCode}>
            {mailed === "yes" ? "Send a new code" : "Email me a code"}
          </Button>
        </div>
      )}
      {twoFactorEnabled && emailCode && (
        <button type="button" className={linkButton} onClick={switchSource}>
          {fromEmail ? "Use your authenticator app or a backup code instead" : "Use a code by email instead"}
        </button>
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
