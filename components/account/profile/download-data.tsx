"use client";

import { useState } from "react";
import { useStepUp } from "@/components/account/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/client";

/** "Download my data": the JSON file the REST API's export answers with, after a step-up. */
export function DownloadData() {
  const { withStepUp } = useStepUp();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ tone: "error" | "success"; message: string }>();

  const download = async () => {
    setPending(true);
    setResult(undefined);
    const answer = await withStepUp(() => callApi<{ exportedAt: string }>("GET", "/api/auth/users/me/export"));
    setPending(false);
    if (!answer) return;
    if (answer.error) return setResult({ tone: "error", message: answer.error.message });
    // A data: URL, as for the backup codes: nothing to revoke at the right moment.
    const href = `data:application/json;charset=utf-8,${encodeURIComponent(`${JSON.stringify(answer.data, null, 2)}\n`)}`;
    Object.assign(document.createElement("a"), { href, download: `account-data-${answer.data.exportedAt.slice(0, 10)}.json` }).click();
    setResult({ tone: "success", message: "Your data has been downloaded. Keep the file somewhere safe: it lists your devices and where you signed in." });
  };

  return (
    <div className="flex flex-col gap-4">
      {result && <Alert tone={result.tone}>{result.message}</Alert>}
      <div>
        <Button variant="secondary" pending={pending} onClick={download}>
          Download my data
        </Button>
      </div>
    </div>
  );
}
