"use client";

import { useFormatDate } from "@/components/account/format-date";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useStepUp } from "@/components/account/step-up";
import { callApi, goToProvider } from "@/lib/api/client";

export type ConnectionRow = { id: string; provider: string; accountName: string; linkedAt: string };
type Provider = { id: string; name: string };
type Notice = { tone: "error" | "success"; message: string };


type ConnectedAccountsProps = { email: string; hasPassword: boolean; connections: ConnectionRow[]; providers: Provider[]; initialNotice?: Notice };

export function ConnectedAccounts({ email, hasPassword, connections, providers, initialNotice }: ConnectedAccountsProps) {
  const formatDate = useFormatDate("date");
  const router = useRouter();
  const { withStepUp } = useStepUp();
  const [busy, setBusy] = useState<string>();
  const [notice, setNotice] = useState<Notice | undefined>(initialNotice);

  const sendSetPasswordLink = async () => {
    setBusy("password");
    const { error } = await callApi("POST", "/api/auth/request-password-reset", { email, redirectTo: "/reset-password" });
    setBusy(undefined);
    setNotice(error ? { tone: "error", message: error.message } : { tone: "success", message: `We have sent a link to ${email} to set a password.` });
  };

  const unlink = async (connection: ConnectionRow) => {
    setBusy(connection.id);
    const result = await withStepUp(() => callApi("DELETE", `/api/auth/users/me/connections/${encodeURIComponent(connection.id)}`));
    setBusy(undefined);
    if (!result) return;
    setNotice(result.error ? { tone: "error", message: result.error.message } : { tone: "success", message: `${connection.provider} is no longer linked.` });
    router.refresh();
  };

  const link = async (provider: Provider) => {
    setBusy(provider.id);
    const result = await withStepUp(() => goToProvider("/api/auth/link-social", { provider: provider.id, callbackURL: "/account/profile?linked=1" }));
    const error = result ? result.error : null;
    if (!result || error) {
      setBusy(undefined);
      if (error) setNotice({ tone: "error", message: error.message });
    }
  };

  return (
    <div className="flex flex-col gap-4">
      {notice && <Alert tone={notice.tone}>{notice.message}</Alert>}
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        <li aria-label="Email & password" className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
          <div className="text-sm">
            <p className="font-medium">Email &amp; password</p>
            <p className="text-zinc-600 dark:text-zinc-400">{hasPassword ? "Password set" : "No password yet"}</p>
          </div>
          {!hasPassword && (
            <Button variant="secondary" className="shrink-0 self-start sm:self-center" pending={busy === "password"} disabled={busy !== undefined} onClick={sendSetPasswordLink}>
              Email me a link to set one
            </Button>
          )}
        </li>
        {connections.map((connection) => (
          <li key={connection.id} aria-label={connection.provider} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0 text-sm">
              <p className="font-medium">{connection.provider}</p>
              <p className="break-all text-zinc-600 dark:text-zinc-400">{connection.accountName}</p>
              <p className="text-zinc-600 dark:text-zinc-400">Linked {formatDate(connection.linkedAt)}</p>
            </div>
            <Button
              variant="secondary"
              className="shrink-0 self-start sm:self-center"
              aria-label={`Unlink ${connection.provider}`}
              pending={busy === connection.id}
              disabled={busy !== undefined}
              onClick={() => unlink(connection)}
            >
              Unlink
            </Button>
          </li>
        ))}
      </ul>
      {providers.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {providers.map((provider) => (
            <Button key={provider.id} variant="secondary" pending={busy === provider.id} disabled={busy !== undefined} onClick={() => link(provider)}>
              Link {provider.name}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
