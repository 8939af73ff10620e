"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { CopyButton } from "@/components/ui/copy-button";

/** Shows new backup codes once, and lets the person go on only after saying they saved them. */
export function BackupCodes({ codes, appName, onDone }: { codes: string[]; appName: string; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const text = `${appName} backup codes\nEach code signs you in once, when you cannot use your authenticator app.\n\n${codes.join("\n")}\n`;

  const download = () => {
    // A data: URL rather than a blob: one, which has to be revoked at the right moment (too early cuts
    // the download off; the browser's download of a blob URL also outlived its page in our tests).
    const href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
    Object.assign(document.createElement("a"), { href, download: `${appName.toLowerCase()}-backup-codes.txt` }).click();
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="print-area rounded-lg border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-950">
        <p className="hidden print:block print:mb-4 print:font-semibold">{appName} backup codes</p>
        <ul aria-label="Backup codes" className="grid grid-cols-2 gap-x-6 gap-y-2 font-mono text-sm">
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
      <div className="flex flex-wrap gap-2">
        <CopyButton text={codes.join("\n")} label="Copy codes" />
        <Button variant="secondary" onClick={download}>
          Download .txt
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          Print
        </Button>
      </div>
      <Checkbox label="I have saved these codes" hint="They will not be shown again." checked={saved} onChange={(event) => setSaved(event.target.checked)} />
      <div className="flex justify-end">
        <Button disabled={!saved} onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
