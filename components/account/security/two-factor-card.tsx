"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useStepUp } from "@/components/account/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { callApi } from "@/lib/api/client";
import { BackupCodes } from "./backup-codes";
import { SecondFactorOptions } from "./second-factor-options";
import type { SecondFactorState } from "@/lib/account/second-factor";

// The password step (and the form library) loads when a dialog that asks for it opens.
const PasswordStep = dynamic(() => import("./password-step").then((module) => module.PasswordStep), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>,
});

// The QR code and its form load when someone starts turning two-factor on, not with every page view.
const ScanStep = dynamic(() => import("./scan-step").then((module) => module.ScanStep), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>,
});

type Step =
  | { name: "closed" }
  | { name: "enable-password" }
  | { name: "scan"; totpURI: string; backupCodes: string[] }
  | { name: "backup-codes"; backupCodes: string[]; title: string }
  | { name: "regenerate-password" }
  | { name: "disable-password" };

type TwoFactorCardProps = { enabled: boolean; backupCodesLeft: number; appName: string; email: string; secondFactor: SecondFactorState };

export function TwoFactorCard({ enabled, backupCodesLeft, appName, email, secondFactor }: TwoFactorCardProps) {
  const router = useRouter();
  const { withStepUp } = useStepUp();
  const [step, setStep] = useState<Step>({ name: "closed" });
  const [notice, setNotice] = useState<string>();
  const close = () => setStep({ name: "closed" });
  const finish = (message?: string) => {
    close();
    setNotice(message);
    router.refresh();
  };

  return (
    <div className="flex flex-col gap-4">
      {notice && <Alert tone="success">{notice}</Alert>}
      {enabled ? (
        <>
          <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="text-sm">
              <p className="flex items-center gap-2 font-medium">
                <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">On</span>
                Authenticator app
              </p>
              <p className="mt-1 text-zinc-600 dark:text-zinc-400">
                {backupCodesLeft === 1 ? "1 backup code left." : `${backupCodesLeft} backup codes left.`}
                {backupCodesLeft <= 3 && " Generate new ones before you run out."}
              </p>
            </div>
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setStep({ name: "regenerate-password" })}>
                Regenerate backup codes
              </Button>
              <Button variant="secondary" onClick={() => setStep({ name: "disable-password" })}>
                Disable
              </Button>
            </div>
          </div>
          <SecondFactorOptions email={email} state={secondFactor} />
        </>
      ) : (
        <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Two-factor authentication is off. Turn it on to ask for a code from an authenticator app at every sign-in.
          </p>
          <Button className="shrink-0" onClick={() => setStep({ name: "enable-password" })}>
            Enable two-factor authentication
          </Button>
        </div>
      )}

      <Dialog open={step.name === "enable-password"} title="Enable two-factor authentication" description="Enter your password to continue." onClose={close}>
        <PasswordStep
          submitLabel="Continue"
          onCancel={close}
          onSubmit={async (password) => {
            const result = await withStepUp(() => callApi<{ totpURI: string; backupCodes: string[] }>("POST", "/api/auth/two-factor/enable", { password }));
            if (!result) return;
            const { data, error } = result;
            if (error) return error.message;
            setStep({ name: "scan", totpURI: data.totpURI, backupCodes: data.backupCodes });
          }}
        />
      </Dialog>

      <Dialog
        open={step.name === "scan"}
        title="Scan the QR code"
        description="Scan it with an authenticator app (1Password, Google Authenticator, Authy…), then enter the 6-digit code it shows."
        onClose={close}
      >
        {step.name === "scan" && (
          <ScanStep
            totpURI={step.totpURI}
            onCancel={close}
            onVerified={() => setStep({ name: "backup-codes", backupCodes: step.backupCodes, title: "Save your backup codes" })}
          />
        )}
      </Dialog>

      <Dialog
        open={step.name === "backup-codes"}
        title={step.name === "backup-codes" ? step.title : ""}
        description="If you lose your authenticator app, each of these codes signs you in once. Keep them somewhere safe."
      >
        {step.name === "backup-codes" && (
          <BackupCodes codes={step.backupCodes} appName={appName} onDone={() => finish(enabled ? "New backup codes saved. The old ones no longer work." : "Two-factor authentication is on.")} />
        )}
      </Dialog>

      <Dialog
        open={step.name === "regenerate-password"}
        title="Regenerate backup codes"
        description="Enter your password. Your current backup codes will stop working."
        onClose={close}
      >
        <PasswordStep
          submitLabel="Regenerate"
          onCancel={close}
          onSubmit={async (password) => {
            const result = await withStepUp(() => callApi<{ backupCodes: string[] }>("POST", "/api/auth/two-factor/generate-backup-codes", { password }));
            if (!result) return;
            const { data, error } = result;
            if (error) return error.message;
            setStep({ name: "backup-codes", backupCodes: data.backupCodes, title: "Your new backup codes" });
          }}
        />
      </Dialog>

      <Dialog
        open={step.name === "disable-password"}
        title="Disable two-factor authentication"
        description="Enter your password. Signing in will then need only your password."
        onClose={close}
      >
        <PasswordStep
          submitLabel="Disable"
          variant="danger"
          onCancel={close}
          onSubmit={async (password) => {
            const result = await withStepUp(() => callApi("POST", "/api/auth/two-factor/disable", { password }));
            if (!result) return;
            if (result.error) return result.error.message;
            finish("Two-factor authentication is off.");
          }}
        />
      </Dialog>
    </div>
  );
}
