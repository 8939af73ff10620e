"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { AuthHeading } from "@/components/auth/auth-heading";
import { CenteredPanel } from "@/components/centered-panel";
import { Button } from "@/components/ui/button";

/**
 * What a page shows when the server could not render it, most often because the database did not
 * answer. Production hides the cause from the browser; the digest ties this page to the server's log.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  // The page failed on the server: fetch it again, then show it in place of this one.
  const retry = () =>
    startRetry(() => {
      router.refresh();
      reset();
    });
  return (
    <CenteredPanel>
      <title>Something went wrong · Bastion</title>
      <AuthHeading title="Something went wrong on our side">
        Bastion could not load this page. Your account and its settings are as you left them. Try again in a moment.
      </AuthHeading>
      <Button onClick={retry} pending={retrying}>
        Try again
      </Button>
      {error.digest && <p className="mt-6 text-xs text-zinc-600 dark:text-zinc-400">Reference: {error.digest}</p>}
    </CenteredPanel>
  );
}
