"use client";

import dynamic from "next/dynamic";
import { usePathname, useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { OrDivider } from "@/components/ui/or-divider";
import { callApi, type ApiResult } from "@/lib/api/client";
import { stepUpWithPasskey } from "@/lib/passkeys-client";

/** Whether a refusal from the server is "confirm it's you first". */
export function isStepUpRefusal(code: string | undefined | null): boolean {
  return typeof code === "string" && code.startsWith("STEP_UP_TOKEN_");
}

type StepUp = {
  /**
   * Runs a sensitive action. When the server answers that it needs fresh proof of identity, asks for
   * it once (password, and a code with two-factor on) and runs the action again; null when the person
   * cancels. The server decides: the dialog only ever asks because it was told to.
   */
  withStepUp: <T>(action: () => Promise<ApiResult<T>>) => Promise<ApiResult<T> | null>;
};

const StepUpContext = createContext<StepUp | null>(null);

// Every account page has the dialog; its form (and the form library) loads only when it opens.
const StepUpForm = dynamic(() => import("./step-up-form").then((module) => module.StepUpForm), { ssr: false });

export function useStepUp(): StepUp {
  const stepUp = useContext(StepUpContext);
  if (!stepUp) throw new Error("useStepUp() needs a <StepUpProvider> above it");
  return stepUp;
}

/** What the person can confirm it's them with; all of it comes with the session and the sign-in methods. */
export type StepUpProofs = {
  hasPassword: boolean;
  hasPasskey: boolean;
  twoFactorEnabled: boolean;
  /** Codes by email are on: the code can come from the email instead of the app. */
  emailCode: boolean;
  /** The second step's preferred method, which the dialog opens on too. */
  preferred: "authenticator" | "email" | "passkey";
};

function dialogDescription({ hasPassword, twoFactorEnabled, hasPasskey, emailCode }: StepUpProofs) {
  if (hasPasskey) return hasPassword ? "For your security, use one of your passkeys, or enter your password, to continue." : "For your security, use one of your passkeys to continue.";
  if (!hasPassword) return "For your security, this needs a recent sign-in.";
  if (!twoFactorEnabled) return "For your security, enter your password to continue.";
  return emailCode
    ? "For your security, enter your password and a code from your authenticator app, your email or your backup codes to continue."
    : "For your security, enter your password and a code from your authenticator app (or a backup code) to continue.";
}

export function StepUpProvider({ proofs, children }: { proofs: StepUpProofs; children: ReactNode }) {
  const { hasPassword, hasPasskey } = proofs;
  const [open, setOpen] = useState(false);
  const settle = useRef<(confirmed: boolean) => void>(undefined);

  const confirmIdentity = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        settle.current = resolve;
        setOpen(true);
      }),
    [],
  );

  const finish = (confirmed: boolean) => {
    setOpen(false);
    settle.current?.(confirmed);
    settle.current = undefined;
  };

  const withStepUp = useCallback<StepUp["withStepUp"]>(
    async (action) => {
      const first = await action();
      if (!isStepUpRefusal(first.error?.code)) return first;
      if (!(await confirmIdentity())) return null;
      return action();
    },
    [confirmIdentity],
  );

  return (
    <StepUpContext.Provider value={{ withStepUp }}>
      {children}
      <Dialog
        open={open}
        title="Confirm it's you"
        description={dialogDescription(proofs)}
        onClose={() => finish(false)}
      >
        {hasPasskey && <PasskeyStepUp onConfirmed={() => finish(true)} alone={!hasPassword} onCancel={() => finish(false)} />}
        {hasPassword ? (
          <StepUpForm twoFactorEnabled={proofs.twoFactorEnabled} emailCode={proofs.emailCode} startWithEmail={proofs.preferred === "email"} onConfirmed={() => finish(true)} onCancel={() => finish(false)} />
        ) : (
          !hasPasskey && <SignInAgain onCancel={() => finish(false)} />
        )}
      </Dialog>
    </StepUpContext.Provider>
  );
}

/** A user-verified passkey stands for the password and the code together. */
function PasskeyStepUp({ alone, onConfirmed, onCancel }: { alone: boolean; onConfirmed: () => void; onCancel: () => void }) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string>();
  const confirm = async () => {
    setPending(true);
    setFailure(undefined);
    const { error } = await stepUpWithPasskey();
    setPending(false);
    if (error) setFailure(error.message);
    else onConfirmed();
  };
  return (
    <div className={`flex flex-col gap-4 ${alone ? "" : "mb-4"}`}>
      {failure && <Alert tone="error">{failure}</Alert>}
      <div className="flex flex-wrap justify-end gap-2">
        {alone && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button variant={alone ? "primary" : "secondary"} className={alone ? "" : "w-full"} pending={pending} onClick={confirm}>
          Use a passkey
        </Button>
      </div>
      {!alone && (
        <OrDivider />
      )}
    </div>
  );
}

/** Someone who signs in only through a provider has no password to re-enter: a fresh sign-in is the proof. */
function SignInAgain({ onCancel }: { onCancel: () => void }) {
  const pathname = usePathname();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const signInAgain = async () => {
    setPending(true);
    // This session ends (as the sign-out button ends it, without the provider's logout page); the
    // next one starts fresh, and a fresh sign-in counts as proof for ten minutes.
    await callApi("POST", "/api/auth/sign-out", {});
    router.replace(`/sign-in?next=${encodeURIComponent(pathname)}`);
    router.refresh();
  };
  return (
    <div className="flex flex-col gap-4 text-sm">
      <p>Your account has no password. Sign in again, then try once more within ten minutes.</p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button pending={pending} onClick={signInAgain}>
          Sign in again
        </Button>
      </div>
    </div>
  );
}
