"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useStepUp } from "@/components/account/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EMAIL_CHANGE_CALLBACK } from "@/lib/validation/email-change";
import { callApi } from "@/lib/api/client";

// The form (and the form library) loads when someone starts a change, not with every page view.
const EmailEditor = dynamic(() => import("./email-editor").then((module) => module.EmailEditor), { ssr: false });

type Notice = { tone: "error" | "success"; message: string };

export function EmailForm({ email, pendingEmail, initialNotice }: { email: string; pendingEmail: string | null; initialNotice?: Notice }) {
  const router = useRouter();
  const { withStepUp } = useStepUp();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<"resend" | "cancel">();
  const [notice, setNotice] = useState<Notice | undefined>(initialNotice);

  const send = async (newEmail: string) => {
    const result = await withStepUp(() => callApi("POST", "/api/auth/change-email", { newEmail, callbackURL: EMAIL_CHANGE_CALLBACK }));
    if (!result) return false;
    const { error } = result;
    if (error) {
      setNotice({ tone: "error", message: error.message });
      return false;
    }
    setNotice({ tone: "success", message: `We have sent a link to ${newEmail}.` });
    router.refresh();
    return true;
  };

  const cancelPending = async () => {
    setBusy("cancel");
    const { error } = await callApi("DELETE", "/api/auth/users/me/email");
    setBusy(undefined);
    // Not found: it was cancelled or used already, which is as good as cancelled here.
    setNotice(!error || error.status === 404 ? { tone: "success", message: "Change of email address cancelled. The link we sent no longer works." } : { tone: "error", message: "Something went wrong. Try again in a moment." });
    router.refresh();
  };

  return (
    <div className="flex flex-col gap-4">
      {notice && <Alert tone={notice.tone}>{notice.message}</Alert>}
      <div className="flex items-center justify-between gap-4">
        <p className="min-w-0 text-sm break-all" data-testid="profile-email">
          {email}
        </p>
        {!editing && !pendingEmail && (
          <Button variant="secondary" className="shrink-0" onClick={() => { setNotice(undefined); setEditing(true); }}>
            Change email
          </Button>
        )}
      </div>
      {pendingEmail && (
        <div className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 sm:flex-row sm:items-center sm:justify-between dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <p data-testid="pending-email">
            Waiting for you to confirm <span className="font-semibold break-all">{pendingEmail}</span>. Until you open the link we sent there, your
            email stays {email}.
          </p>
          <div className="flex shrink-0 gap-2">
            <Button variant="secondary" pending={busy === "resend"} disabled={busy !== undefined} onClick={async () => { setBusy("resend"); await send(pendingEmail); setBusy(undefined); }}>
              Resend
            </Button>
            <Button variant="secondary" pending={busy === "cancel"} disabled={busy !== undefined} onClick={cancelPending}>
              Cancel
            </Button>
          </div>
        </div>
      )}
      {editing && (
        <EmailEditor
          onSend={async (newEmail) => {
            if (await send(newEmail)) setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </div>
  );
}
