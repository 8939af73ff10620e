"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import * as z from "zod/mini";
import { METHOD_CHOICES } from "@/components/auth/second-step-methods";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { TextField } from "@/components/ui/text-field";
import type { SecondStepMethod } from "@/lib/account/second-factor";
import { callApi } from "@/lib/api/client";
import { signInWithPasskey } from "@/lib/passkeys-client";
import { backupCodeSchema, emailCodeSchema, totpCodeSchema } from "@/lib/validation/security";

type CodeMethod = Exclude<SecondStepMethod, "passkey">;

const schemas = {
  authenticator: z.object({ code: totpCodeSchema, trustDevice: z.boolean() }),
  email: z.object({ code: emailCodeSchema, trustDevice: z.boolean() }),
  backup: z.object({ code: backupCodeSchema, trustDevice: z.boolean() }),
};

const VERIFY_PATHS: Record<CodeMethod, string> = {
  authenticator: "/api/auth/two-factor/verify-totp",
  email: "/api/auth/two-factor/verify-otp",
  backup: "/api/auth/two-factor/verify-backup-code",
};

type TwoFactorInput = z.infer<(typeof schemas)[CodeMethod]>;

/**
 * The second step of signing in: it opens on the person's preferred method and offers the others
 * ("Use another method"). `methods` comes from the server (lib/account/second-factor), which refuses
 * any method the account has not set up.
 */
export function TwoFactorForm({ next, methods, preferred }: { next: string; methods: SecondStepMethod[]; preferred: SecondStepMethod }) {
  const [method, setMethod] = useState<SecondStepMethod>(preferred);
  const [choosing, setChoosing] = useState(false);
  // A full navigation: `next` may be a route handler (the account-deletion link), which the client
  // router would fetch as page data.
  const done = () => window.location.assign(next);

  if (choosing) {
    return (
      <div className="flex flex-col gap-3">
        <h2 className="text-sm font-semibold">Choose another way to confirm it&apos;s you</h2>
        <ul className="flex flex-col gap-2">
          {methods.map((choice) => (
            <li key={choice}>
              <button
                type="button"
                onClick={() => {
                  setMethod(choice);
                  setChoosing(false);
                }}
                aria-current={choice === method ? "true" : undefined}
                className="flex w-full flex-col items-start rounded-lg border border-zinc-300 px-4 py-3 text-left hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 aria-[current]:border-indigo-600 dark:border-zinc-700 dark:hover:bg-zinc-900 dark:aria-[current]:border-indigo-400"
              >
                <span className="text-sm font-medium">{METHOD_CHOICES[choice].label}</span>
                <span className="text-sm text-zinc-600 dark:text-zinc-400">{METHOD_CHOICES[choice].hint}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      {method === "passkey" ? <PasskeyStep onDone={done} /> : <CodeStep key={method} method={method} onDone={done} />}
      {methods.length > 1 && (
        <button type="button" onClick={() => setChoosing(true)} className="text-sm font-medium text-indigo-700 underline-offset-4 hover:underline dark:text-indigo-300">
          Use another method
        </button>
      )}
    </div>
  );
}

function CodeStep({ method, onDone }: { method: CodeMethod; onDone: () => void }) {
  const [formError, setFormError] = useState<string>();
  const [sent, setSent] = useState<"none" | "first" | "again">("none");
  const [sending, setSending] = useState(false);
  const { register, handleSubmit, formState } = useForm<TwoFactorInput>({
    resolver: zodResolver(schemas[method]),
    defaultValues: { code: "", trustDevice: false },
  });

  const sendCode = async () => {
    setFormError(undefined);
    setSending(true);
    const { error } = await callApi("POST", "/api/auth/two-factor/send-otp", {});
    setSending(false);
    if (error) setFormError(error.message);
    else setSent(sent === "none" ? "first" : "again");
  };

  const onSubmit = handleSubmit(async ({ code, trustDevice }) => {
    setFormError(undefined);
    const { error } = await callApi("POST", VERIFY_PATHS[method], { code, trustDevice });
    if (error) setFormError(error.message);
    else onDone();
  });

  if (method === "email" && sent === "none") {
    return (
      <div className="flex flex-col gap-4">
        {formError && <Alert tone="error">{formError}</Alert>}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">We will email a 6-digit code to your address. It works once, within 5 minutes.</p>
        <Button pending={sending} onClick={sendCode}>
          Email me a code
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      {method === "email" && !formError && (
        <Alert tone="success">{sent === "again" ? "We emailed you a new code; the one before no longer works." : "We emailed you a code. It works once, within 5 minutes."}</Alert>
      )}
      {method === "backup" ? (
        <TextField
          label="Backup code"
          hint="One of the codes you saved when you turned on two-factor authentication. Each works once."
          autoComplete="off"
          spellCheck={false}
          autoFocus
          error={formState.errors.code?.message}
          {...register("code")}
        />
      ) : (
        <TextField
          label={method === "email" ? "Code from the email" : "Authentication code"}
          hint={method === "email" ? undefined : "The 6-digit code from your authenticator app."}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
          error={formState.errors.code?.message}
          {...register("code")}
        />
      )}
      <Checkbox label="Trust this device for 30 days" hint="Skip this step on this browser for 30 days." {...register("trustDevice")} />
      <Button type="submit" pending={formState.isSubmitting}>
        Verify
      </Button>
      {method === "email" && (
        <button type="button" onClick={sendCode} disabled={sending} className="text-sm font-medium text-indigo-700 underline-offset-4 hover:underline dark:text-indigo-300">
          Send a new code
        </button>
      )}
    </form>
  );
}

/** A passkey signs in on its own: it stands for the password and the code together. */
function PasskeyStep({ onDone }: { onDone: () => void }) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string>();
  const usePasskey = async () => {
    setPending(true);
    setFailure(undefined);
    const { error } = await signInWithPasskey();
    setPending(false);
    if (error) setFailure(error.message);
    else onDone();
  };
  return (
    <div className="flex flex-col gap-4">
      {failure && <Alert tone="error">{failure}</Alert>}
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Use your fingerprint, face or device PIN with one of your passkeys.</p>
      <Button pending={pending} onClick={usePasskey}>
        Use a passkey
      </Button>
    </div>
  );
}
