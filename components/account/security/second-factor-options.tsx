"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useStepUp } from "@/components/account/step-up";
import { METHOD_CHOICES } from "@/components/auth/second-step-methods";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import type { SecondFactorState } from "@/lib/account/second-factor";
import { callApi, type ApiResult } from "@/lib/api/client";
import type { PreferredSecondFactor } from "@/lib/validation/security";

/**
 * Beside the authenticator app, with two-factor on: codes by email (on or off, with step-up) and,
 * with more than one method, the one the second step opens on.
 */
export function SecondFactorOptions({ email, state: fromServer }: { email: string; state: SecondFactorState }) {
  const router = useRouter();
  // What the last change answered, until the page's refreshed props (the step-up dialog needs them too) arrive.
  const [state, setState] = useState(fromServer);
  const [lastFromServer, setLastFromServer] = useState(fromServer);
  if (fromServer !== lastFromServer) {
    setLastFromServer(fromServer);
    setState(fromServer);
  }
  const { withStepUp } = useStepUp();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string }>();
  const choices = state.methods.filter((method): method is PreferredSecondFactor => method !== "backup");

  const change = async (run: () => Promise<ApiResult<SecondFactorState> | null>, done: string) => {
    setPending(true);
    setMessage(undefined);
    const result = await run();
    setPending(false);
    if (!result) return;
    if (result.error) {
      setMessage({ tone: "error", text: result.error.message });
      return;
    }
    setState(result.data);
    setMessage({ tone: "success", text: done });
    router.refresh();
  };

  const toggleEmailCode = () =>
    change(
      () => withStepUp(() => callApi<SecondFactorState>(state.emailCode ? "DELETE" : "PUT", "/api/auth/users/me/two-factor/email-code")),
      state.emailCode ? "Codes by email are off." : "Codes by email are on.",
    );

  const choose = (method: PreferredSecondFactor) =>
    change(() => callApi<SecondFactorState>("PUT", "/api/auth/users/me/two-factor/preferred", { method }), `Sign-in will open on: ${METHOD_CHOICES[method].label.toLowerCase()}.`);

  return (
    <div className="flex flex-col gap-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="text-sm">
          <p className="flex items-center gap-2 font-medium">
            {state.emailCode ? (
              <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">On</span>
            ) : (
              <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-semibold text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">Off</span>
            )}
            Codes by email
          </p>
          <p className="mt-1 break-words text-zinc-600 dark:text-zinc-400">
            A code sent to {email} can stand in for your authenticator app when you sign in or confirm it&apos;s you: a way in if you lose your phone.
          </p>
        </div>
        <Button variant="secondary" className="shrink-0" pending={pending} onClick={toggleEmailCode}>
          {state.emailCode ? "Turn off codes by email" : "Turn on codes by email"}
        </Button>
      </div>
      {choices.length > 1 && (
        <SelectField
          label="Preferred method"
          hint="The second step of signing in opens on it; the others stay a click away under “Use another method”."
          className="sm:max-w-md"
          value={state.preferred}
          disabled={pending}
          onChange={(event) => choose(event.target.value as PreferredSecondFactor)}
        >
          {choices.map((method) => (
            <option key={method} value={method}>
              {METHOD_CHOICES[method].label}
            </option>
          ))}
        </SelectField>
      )}
    </div>
  );
}
