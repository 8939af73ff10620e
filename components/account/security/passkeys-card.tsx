"use client";

import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/use-hydrated";
import { useStepUp } from "@/components/account/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/text-field";
import { callApi } from "@/lib/api/client";
import { passkeysSupported, registerPasskey } from "@/lib/passkeys-client";
import { useFormatDate } from "@/components/account/format-date";

export type PasskeyRow = { id: string; name: string; createdAt: string; lastUsedAt: string | null; synced: boolean };

type Result = { tone: "error" | "success"; message: string };

export function PasskeysCard({ passkeys }: { passkeys: PasskeyRow[] }) {
  const formatDate = useFormatDate();
  const router = useRouter();
  const { withStepUp } = useStepUp();
  const [pending, setPending] = useState<string>();
  const [result, setResult] = useState<Result>();
  const [renaming, setRenaming] = useState<string>();
  const [removing, setRemoving] = useState<PasskeyRow>();
  // Known only in the browser: the server renders the button, and a browser without WebAuthn says so.
  const supported = !useHydrated() || passkeysSupported();

  const add = async () => {
    setPending("add");
    setResult(undefined);
    const options = await withStepUp(() => callApi<PublicKeyCredentialCreationOptionsJSON>("GET", "/api/auth/passkey/generate-register-options"));
    const added = options && !options.error ? await registerPasskey(options.data) : options;
    setPending(undefined);
    if (!added) return;
    if (added.error) {
      setResult({ tone: "error", message: added.error.message });
      return;
    }
    setResult({ tone: "success", message: `Passkey added${added.data.name ? `: ${added.data.name}` : ""}. You can sign in with it now.` });
    router.refresh();
  };

  const remove = async (passkey: PasskeyRow) => {
    setRemoving(undefined);
    setPending(passkey.id);
    setResult(undefined);
    const answer = await withStepUp(() => callApi("DELETE", `/api/auth/users/me/passkeys/${encodeURIComponent(passkey.id)}`));
    setPending(undefined);
    if (!answer) return;
    setResult(answer.error ? { tone: "error", message: answer.error.message } : { tone: "success", message: `${passkey.name} was removed. It no longer signs in.` });
    router.refresh();
  };

  return (
    <div className="flex flex-col gap-4">
      {result && <Alert tone={result.tone}>{result.message}</Alert>}
      {passkeys.length > 0 ? (
        <ul aria-label="Passkeys" className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="flex flex-col gap-3 p-4" aria-label={passkey.name}>
              {renaming === passkey.id ? (
                <RenameForm
                  passkey={passkey}
                  onDone={(message) => {
                    setRenaming(undefined);
                    if (message) setResult({ tone: "success", message });
                    router.refresh();
                  }}
                  onCancel={() => setRenaming(undefined)}
                />
              ) : (
                <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0 text-sm">
                    <p className="flex flex-wrap items-center gap-2 font-medium break-words">
                      {passkey.name}
                      {passkey.synced && (
                        <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-semibold text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">Synced</span>
                      )}
                    </p>
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-zinc-600 dark:text-zinc-400">
                      <dt>Added</dt>
                      <dd>{formatDate(passkey.createdAt)}</dd>
                      <dt>Last used</dt>
                      <dd>{passkey.lastUsedAt ? formatDate(passkey.lastUsedAt) : "Not yet"}</dd>
                    </dl>
                  </div>
                  <div className="flex shrink-0 gap-2 self-start sm:self-center">
                    <Button variant="secondary" disabled={pending !== undefined} aria-label={`Rename ${passkey.name}`} onClick={() => setRenaming(passkey.id)}>
                      Rename
                    </Button>
                    <Button
                      variant="secondary"
                      pending={pending === passkey.id}
                      disabled={pending !== undefined}
                      aria-label={`Remove ${passkey.name}`}
                      onClick={() => setRemoving(passkey)}
                    >
                      Remove
                    </Button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No passkeys yet.</p>
      )}
      {supported ? (
        <div>
          <Button variant="secondary" pending={pending === "add"} disabled={pending !== undefined} onClick={add}>
            Add a passkey
          </Button>
        </div>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">This browser cannot use passkeys. Open this page in a current browser to add one.</p>
      )}
      <Dialog open={removing !== undefined} title={`Remove ${removing?.name ?? "passkey"}?`} description="You will no longer be able to sign in or confirm it's you with it." onClose={() => setRemoving(undefined)}>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="ghost" onClick={() => setRemoving(undefined)}>
            Cancel
          </Button>
          <Button variant="danger" onClick={() => removing && remove(removing)}>
            Remove passkey
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

function RenameForm({ passkey, onDone, onCancel }: { passkey: PasskeyRow; onDone: (message?: string) => void; onCancel: () => void }) {
  const [name, setName] = useState(passkey.name);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The rules (and zod) load when a rename is saved, not with the page.
    const { renamePasskeySchema } = await import("@/lib/validation/passkeys");
    const parsed = renamePasskeySchema.safeParse({ name });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setPending(true);
    const { error: failure } = await callApi("PUT", `/api/auth/users/me/passkeys/${encodeURIComponent(passkey.id)}`, parsed.data);
    setPending(false);
    if (failure) setError(failure.message);
    else onDone(`Renamed to ${parsed.data.name}.`);
  };

  return (
    <form onSubmit={submit} noValidate className="flex max-w-md flex-col gap-3">
      <TextField label="Passkey name" autoFocus value={name} onChange={(event) => setName(event.target.value)} error={error} maxLength={64} />
      <div className="flex gap-2">
        <Button type="submit" pending={pending}>
          Save
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
