"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useStepUp } from "@/components/account/step-up";
import { callApi } from "@/lib/api/client";

type Result = { tone: "error" | "success"; message: string };
type Answer = { revoked?: number } | null;

/**
 * A list's Revoke and Revoke all: one DELETE at a time (`pending` names it), its outcome in words, and
 * the page drawn again from the server. With `stepUp`, a refusal for want of a recent sign-in asks
 * the person to confirm it's them first.
 */
export function useRevoke({ stepUp = false } = {}) {
  const router = useRouter();
  const { withStepUp } = useStepUp();
  const [pending, setPending] = useState<string>();
  const [result, setResult] = useState<Result>();

  const revoke = async (key: string, url: string, success: (answer: Answer) => string) => {
    setPending(key);
    setResult(undefined);
    const send = () => callApi<Answer>("DELETE", url);
    const answer = stepUp ? await withStepUp(send) : await send();
    setPending(undefined);
    if (!answer) return;
    setResult(answer.error ? { tone: "error", message: answer.error.message } : { tone: "success", message: success(answer.data) });
    router.refresh();
  };

  return { pending, result, revoke };
}
