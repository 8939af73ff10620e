"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import * as z from "zod/mini";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { TextField } from "@/components/ui/text-field";
import { backupCodeSchema, totpCodeSchema } from "@/lib/validation/security";
import { callApi } from "@/lib/api/client";

const schemas = {
  totp: z.object({ code: totpCodeSchema, trustDevice: z.boolean() }),
  backup: z.object({ code: backupCodeSchema, trustDevice: z.boolean() }),
};

type Method = keyof typeof schemas;
type TwoFactorInput = z.infer<(typeof schemas)[Method]>;

export function TwoFactorForm({ next }: { next: string }) {
  const [method, setMethod] = useState<Method>("totp");
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState, reset } = useForm<TwoFactorInput>({
    resolver: zodResolver(schemas[method]),
    defaultValues: { code: "", trustDevice: false },
  });

  const onSubmit = handleSubmit(async ({ code, trustDevice }) => {
    setFormError(undefined);
    const { error } =
      method === "totp"
        ? await callApi("POST", "/api/auth/two-factor/verify-totp", { code, trustDevice })
        : await callApi("POST", "/api/auth/two-factor/verify-backup-code", { code, trustDevice });
    if (error) {
      setFormError(error.message);
      return;
    }
    // A full navigation: `next` may be a route handler (the account-deletion link), which the
    // client router would fetch as page data.
    window.location.assign(next);
  });

  const switchMethod = () => {
    setMethod(method === "totp" ? "backup" : "totp");
    setFormError(undefined);
    reset({ code: "", trustDevice: false });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      {method === "totp" ? (
        <TextField
          key="totp"
          label="Authentication code"
          hint="The 6-digit code from your authenticator app."
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
          error={formState.errors.code?.message}
          {...register("code")}
        />
      ) : (
        <TextField
          key="backup"
          label="Backup code"
          hint="One of the codes you saved when you turned on two-factor authentication. Each works once."
          autoComplete="off"
          spellCheck={false}
          autoFocus
          error={formState.errors.code?.message}
          {...register("code")}
        />
      )}
      <Checkbox label="Trust this device for 30 days" hint="Skip this step on this browser for 30 days." {...register("trustDevice")} />
      <Button type="submit" pending={formState.isSubmitting}>
        Verify
      </Button>
      <button type="button" onClick={switchMethod} className="text-sm font-medium text-indigo-700 underline-offset-4 hover:underline dark:text-indigo-300">
        {method === "totp" ? "Use a backup code instead" : "Use your authenticator app instead"}
      </button>
    </form>
  );
}
