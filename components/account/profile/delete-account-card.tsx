"use client";

import { useState } from "react";
import { useStepUp } from "@/components/account/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { callApi } from "@/lib/api/client";

const CONFIRMATION = "DELETE";

export function DeleteAccountCard({ email, linkInvalid }: { email: string; linkInvalid: boolean }) {
  const { withStepUp } = useStepUp();
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ tone: "error" | "success"; message: string } | undefined>(
    linkInvalid ? { tone: "error", message: "That deletion link is invalid, expired or was meant for another account. Nothing was deleted; ask for a new one." } : undefined,
  );

  const requestDeletion = async (event: React.FormEvent) => {
    event.preventDefault();
    if (typed !== CONFIRMATION) return;
    setPending(true);
    setResult(undefined);
    const answer = await withStepUp(() => callApi("POST", "/api/auth/delete-user", {}));
    setPending(false);
    if (!answer) return;
    const { error } = answer;
    setResult(
      error
        ? { tone: "error", message: error.message }
        : { tone: "success", message: `We have sent a link to ${email}. Open it while signed in to delete your account; nothing is deleted until then.` },
    );
  };

  return (
    <form onSubmit={requestDeletion} className="flex max-w-md flex-col gap-4">
      {result && <Alert tone={result.tone}>{result.message}</Alert>}
      <TextField
        label={`Type ${CONFIRMATION} to confirm`}
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
      />
      <div>
        <Button type="submit" variant="danger" disabled={typed !== CONFIRMATION} pending={pending}>
          Delete account
        </Button>
      </div>
    </form>
  );
}
