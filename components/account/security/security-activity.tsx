"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClassName } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useFormatDate } from "@/components/account/format-date";
import { ThisDeviceBadge } from "@/components/account/security/this-device-badge";
import { callApi } from "@/lib/api/client";

export type ActivityRow = {
  id: string;
  type: string;
  title: string;
  detail: string | null;
  device: string;
  ipAddress: string | null;
  location: string | null;
  createdAt: string;
  currentSession: boolean;
};

type SecurityActivityProps = { entries: ActivityRow[]; page: number; hasOlder: boolean; email: string };

const pageHref = (page: number) => (page <= 1 ? "/account/security#activity" : `/account/security?activity=${page}#activity`);

export function SecurityActivity({ entries, page, hasOlder, email }: SecurityActivityProps) {
  const formatDate = useFormatDate();
  const router = useRouter();
  const [reporting, setReporting] = useState<ActivityRow>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const close = () => {
    setReporting(undefined);
    setError(undefined);
  };

  const report = async (entry: ActivityRow) => {
    setPending(true);
    setError(undefined);
    const { error } = await callApi("POST", `/api/auth/users/me/activity/${encodeURIComponent(entry.id)}/report`);
    setPending(false);
    if (error) return setError(error.message);
    // Every session has ended, this one too.
    router.replace("/sign-in?reported=1");
    router.refresh();
  };

  if (entries.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">{page > 1 ? "Nothing older to show." : "Nothing yet. Sign-ins and changes to your security settings will show here."}</p>;
  }

  return (
    <div className="flex flex-col gap-4">
      <ol className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" aria-label="Security activity, newest first">
        {entries.map((entry) => (
          <li key={entry.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0 text-sm">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {entry.title}
                {entry.currentSession && <ThisDeviceBadge />}
              </p>
              {entry.detail && <p className="mt-0.5 break-words text-zinc-700 dark:text-zinc-300">{entry.detail}</p>}
              <p className="mt-1 break-words text-zinc-600 dark:text-zinc-400">
                {[entry.device, entry.ipAddress ?? "Unknown IP address", entry.location].filter(Boolean).join(" · ")}
              </p>
              <p className="text-zinc-600 dark:text-zinc-400">
                <time dateTime={entry.createdAt}>{formatDate(entry.createdAt)}</time>
              </p>
            </div>
            {entry.type === "sign_in" && !entry.currentSession && (
              <Button
                variant="secondary"
                className="shrink-0 self-start sm:self-center"
                aria-label={`This wasn't me: ${entry.device}, ${formatDate(entry.createdAt)}`}
                onClick={() => setReporting(entry)}
              >
                This wasn&apos;t me
              </Button>
            )}
          </li>
        ))}
      </ol>
      {(page > 1 || hasOlder) && (
        <nav aria-label="Security activity pages" className="flex items-center justify-between gap-2 text-sm">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className={buttonClassName("secondary")}>
              Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="text-zinc-600 dark:text-zinc-400">Page {page}</span>
          {hasOlder ? (
            <Link href={pageHref(page + 1)} className={buttonClassName("secondary")}>
              Older
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
      <div>
        {/* A plain download: the server answers with the file, and the page stays as it is. */}
        <a href="/api/auth/users/me/activity/export" download className={buttonClassName("secondary")}>
          Download as CSV
        </a>
      </div>
      <Dialog
        open={reporting !== undefined}
        title="Secure your account"
        description={
          <>
            This signs out every device signed in to your account, including this one, and sends a link to choose a new password to <strong className="break-all">{email}</strong>.
          </>
        }
        onClose={pending ? undefined : close}
      >
        {reporting && (
          <div className="flex flex-col gap-4">
            <p className="text-sm">
              Sign-in reported: {[reporting.device, reporting.ipAddress ?? "unknown IP address", reporting.location].filter(Boolean).join(", ")}, {formatDate(reporting.createdAt)}.
            </p>
            {error && <Alert tone="error">{error}</Alert>}
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={close} disabled={pending}>
                Cancel
              </Button>
              <Button variant="danger" pending={pending} onClick={() => report(reporting)}>
                Sign out everywhere
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
