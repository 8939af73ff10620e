"use client";

import { useState } from "react";
import { useFormatDate } from "@/components/account/format-date";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/client";

type UndoEmailChangeFormProps = { token: string; oldEmail: string; changedAt: string };

export function UndoEmailChangeForm({ token, oldEmail, changedAt }: UndoEmailChangeFormProps) {
  const formatDate = useFormatDate();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ tone: "error" | "success"; message: string }>();

  const undo = async () => {
    setPending(true);
    setResult(undefined);
    const { error } = await callApi("POST", "/api/auth/email-change/undo", { token });
    setPending(false);
    setResult(
      error
        ? { tone: "error", message: error.message }
        : { tone: "success", message: `Your email address is ${oldEmail} again. Every device has been signed out, and we sent a link to choose a new password there: use it before you sign in.` },
    );
  };

  if (result?.tone === "success") return <Alert tone="success">{result.message}</Alert>;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Changed <time dateTime={changedAt}>{formatDate(changedAt)}</time>. If it was not you, undo it: the address goes back to {oldEmail}, every device is signed out, and a link to choose a new
        password is sent there. If you made the change, close this page.
      </p>
      {result && <Alert tone="error">{result.message}</Alert>}
      <Button variant="danger" pending={pending} onClick={undo}>
        Undo the change
      </Button>
    </div>
  );
}
