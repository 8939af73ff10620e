"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { QRCodeSVG } from "qrcode.react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import * as z from "zod/mini";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { TextField } from "@/components/ui/text-field";
import { callApi } from "@/lib/api/client";
import { totpCodeSchema } from "@/lib/validation/security";

const verifySchema = z.object({ code: totpCodeSchema });

export function ScanStep({ totpURI, onVerified, onCancel }: { totpURI: string; onVerified: () => void; onCancel: () => void }) {
  const secret = new URL(totpURI).searchParams.get("secret") ?? "";
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState } = useForm<z.infer<typeof verifySchema>>({ resolver: zodResolver(verifySchema) });

  const submit = handleSubmit(async ({ code }) => {
    setFormError(undefined);
    const { error } = await callApi("POST", "/api/auth/two-factor/verify-totp", { code });
    if (error) {
      setFormError(error.message);
      return;
    }
    onVerified();
  });

  return (
    <div className="flex flex-col gap-5">
      <div className="mx-auto rounded-lg bg-white p-3">
        <QRCodeSVG value={totpURI} size={176} role="img" aria-label="QR code for your authenticator app" />
      </div>
      <div className="flex flex-col gap-1.5">
        <p className="text-sm font-medium" id="totp-secret-label">
          Or enter this key by hand
        </p>
        <div className="flex items-center gap-2">
          <code aria-labelledby="totp-secret-label" data-testid="totp-secret" className="min-w-0 flex-1 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 font-mono text-sm break-all dark:border-zinc-800 dark:bg-zinc-950">
            {secret.match(/.{1,4}/g)?.join(" ")}
          </code>
          <CopyButton text={secret} />
        </div>
      </div>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {formError && <Alert tone="error">{formError}</Alert>}
        <TextField label="6-digit code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} error={formState.errors.code?.message} {...register("code")} />
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" pending={formState.isSubmitting}>
            Verify
          </Button>
        </div>
      </form>
    </div>
  );
}
