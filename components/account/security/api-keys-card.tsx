"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFormatDate } from "@/components/account/format-date";
import type { CreatedApiKey } from "@/components/account/security/api-key-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { useRevoke } from "@/components/account/security/use-revoke";

export type ApiKeyRow = { id: string; name: string; start: string; scope: "read" | "manage"; createdAt: string; expiresAt: string | null; lastUsedAt: string | null };

// The form (and the form library) loads when the person asks for a key.
const ApiKeyForm = dynamic(() => import("./api-key-form").then((module) => module.ApiKeyForm), { ssr: false });

export function ApiKeysCard({ apiKeys }: { apiKeys: ApiKeyRow[] }) {
  const formatDate = useFormatDate();
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey>();
  const { pending, result, revoke } = useRevoke();

  return (
    <div className="flex flex-col gap-4">
      {result && <Alert tone={result.tone}>{result.message}</Alert>}
      {created && (
        <div className="flex flex-col gap-3 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm dark:border-emerald-900 dark:bg-emerald-950">
          <p role="status" className="font-medium text-emerald-900 dark:text-emerald-100">
            {created.name} is ready. Copy the key now: it is not shown again.
          </p>
          <code data-testid="new-api-key" className="rounded border border-zinc-200 bg-white px-3 py-2 font-mono text-xs break-all text-zinc-900 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100">
            {created.key}
          </code>
          <div className="flex flex-wrap gap-2">
            <CopyButton text={created.key} label="Copy key" />
            <Button variant="ghost" onClick={() => setCreated(undefined)}>
              Done
            </Button>
          </div>
        </div>
      )}
      {apiKeys.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No API keys yet.</p>
      ) : (
        <ul aria-label="API keys" className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {apiKeys.map((apiKey) => (
            <li key={apiKey.id} aria-label={apiKey.name} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0 text-sm">
                <p className="flex flex-wrap items-center gap-2 font-medium break-words">
                  {apiKey.name}
                  <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-semibold text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
                    {apiKey.scope === "manage" ? "Manage" : "Read"}
                  </span>
                </p>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-zinc-600 dark:text-zinc-400">
                  <dt>Key</dt>
                  <dd className="font-mono break-all">{apiKey.start}…</dd>
                  <dt>Created</dt>
                  <dd>{formatDate(apiKey.createdAt)}</dd>
                  <dt>Expires</dt>
                  <dd>{apiKey.expiresAt ? formatDate(apiKey.expiresAt) : "Never"}</dd>
                  <dt>Last used</dt>
                  <dd>{apiKey.lastUsedAt ? formatDate(apiKey.lastUsedAt) : "Not yet"}</dd>
                </dl>
              </div>
              <Button
                variant="secondary"
                className="shrink-0 self-start sm:self-center"
                pending={pending === apiKey.id}
                disabled={pending !== undefined}
                aria-label={`Revoke ${apiKey.name}`}
                onClick={() => revoke(apiKey.id, `/api/auth/users/me/api-keys/${encodeURIComponent(apiKey.id)}`, () => `${apiKey.name} was revoked: it no longer works.`)}
              >
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
      {creating ? (
        <ApiKeyForm
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
            router.refresh();
          }}
          onCancel={() => setCreating(false)}
        />
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setCreating(true)}>
            Create an API key
          </Button>
          {apiKeys.length > 1 && (
            <Button
              variant="secondary"
              pending={pending === "all"}
              disabled={pending !== undefined}
              onClick={() => revoke("all", "/api/auth/users/me/api-keys", (answer) => `${answer?.revoked ?? 0} keys were revoked: none of them works any more.`)}
            >
              Revoke all
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
