"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormatDate } from "@/components/account/format-date";
import { DeviceItem } from "@/components/account/security/device-item";
import { useRevoke } from "@/components/account/security/use-revoke";

export type SessionRow = {
  id: string;
  browser: string;
  os: string;
  ipAddress: string | null;
  location: string | null;
  signedInAt: string;
  lastActiveAt: string;
  current: boolean;
};

export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  const formatDate = useFormatDate();
  const { pending, result, revoke } = useRevoke({ stepUp: true });
  const others = sessions.filter((session) => !session.current).length;

  return (
    <div className="flex flex-col gap-4">
      {result && <Alert tone={result.tone}>{result.message}</Alert>}
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {sessions.map((session) => (
          <DeviceItem
            key={session.id}
            name={`${session.browser} on ${session.os}`}
            current={session.current}
            facts={[
              ["IP address", session.ipAddress ?? "Unknown"],
              ["Location", session.location ?? "Unknown"],
              ["Signed in", formatDate(session.signedInAt)],
              ["Last active", formatDate(session.lastActiveAt)],
            ]}
            action={
              !session.current && (
                <Button
                  variant="secondary"
                  className="shrink-0 self-start sm:self-center"
                  pending={pending === session.id}
                  disabled={pending !== undefined}
                  aria-label={`Revoke ${session.browser} on ${session.os}, signed in ${formatDate(session.signedInAt)}`}
                  onClick={() => revoke(session.id, `/api/auth/users/me/sessions/${encodeURIComponent(session.id)}`, () => "That device has been signed out.")}
                >
                  Revoke
                </Button>
              )
            }
          />
        ))}
      </ul>
      {others > 0 && (
        <div>
          <Button
            variant="secondary"
            pending={pending === "others"}
            disabled={pending !== undefined}
            onClick={() =>
              revoke("others", "/api/auth/users/me/sessions", (answer) => {
                const revoked = answer?.revoked ?? 0;
                return revoked === 1 ? "Signed out of 1 other device." : `Signed out of ${revoked} other devices.`;
              })
            }
          >
            Sign out other devices
          </Button>
        </div>
      )}
    </div>
  );
}
