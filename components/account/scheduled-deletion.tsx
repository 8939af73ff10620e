"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { SignOutButton } from "@/components/account/sign-out-button";
import { useFormatDate } from "@/components/account/format-date";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/client";

/** What an account scheduled for deletion shows instead of every account page: keep it, or leave. */
export function ScheduledDeletion({ deletesAt }: { deletesAt: string }) {
  const formatDate = useFormatDate("date");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const keep = async () => {
    setPending(true);
    setError(undefined);
    const answer = await callApi("DELETE", "/api/auth/users/me/deletion");
    if (answer.error) {
      setPending(false);
      return setError(answer.error.message);
    }
    router.refresh();
  };

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold tracking-tight">
        This account will be deleted on <time dateTime={deletesAt}>{formatDate(deletesAt)}</time>
      </h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Its deletion was confirmed from the link we mailed. Until then nothing else can be done with it. Keep it, and everything stays as it was; every device was signed out, so sign in again
        where you need to.
      </p>
      {error && <Alert tone="error">{error}</Alert>}
      <Button pending={pending} onClick={keep}>
        Keep my account
      </Button>
      <div className="flex justify-center">
        <SignOutButton />
      </div>
    </div>
  );
}
