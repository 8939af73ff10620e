import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { readRelation, relation, type RowOf } from "@/lib/relations";
import { API_KEY_PREFIX, type ApiKeyScope, type CreateApiKeyInput } from "@/lib/validation/api-keys";

/**
 * Personal API keys: better-auth's api-key plugin makes, hashes and verifies them; this module gives
 * each a scope, lists them for the pages and the API (never the key), and ends them. What a key may
 * do is the action table's (`apiKeyScope`), applied by lib/api/route.
 */

// The plugin's permissions, as the scopes people choose from.
const PERMISSIONS: Record<ApiKeyScope, Record<string, string[]>> = {
  read: { account: ["read"] },
  manage: { account: ["read", "manage"] },
};

function scopeOf(permissions: unknown): ApiKeyScope {
  const parsed = typeof permissions === "string" ? (JSON.parse(permissions) as unknown) : permissions;
  const account = (parsed as { account?: unknown } | null)?.account;
  return Array.isArray(account) && account.includes("manage") ? "manage" : "read";
}

export type ApiKeySummary = { id: string; name: string; start: string; scope: ApiKeyScope; createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null };

/** A person's unexpired keys, newest first: never the key or its hash. */
export const apiKeysRelation = relation({
  model: "Apikey",
  table: "apikey",
  owner: "referenceId",
  columns: { id: true, name: true, start: true, permissions: true, createdAt: "date", expiresAt: "date", lastRequest: "date" },
  where: () => Prisma.sql`"expiresAt" IS NULL OR "expiresAt" > ${new Date()}`,
  orderBy: [
    ["createdAt", "DESC"],
    ["id", "ASC"],
  ],
});

export function toApiKeySummaries(rows: RowOf<typeof apiKeysRelation>[]): ApiKeySummary[] {
  return rows.map((row) => ({
    id: row.id,
    name: row.name ?? "API key",
    start: row.start ?? API_KEY_PREFIX,
    scope: scopeOf(row.permissions),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastRequest,
  }));
}

export async function listApiKeys(userId: string): Promise<ApiKeySummary[]> {
  return toApiKeySummaries(await readRelation(userId, { relation: apiKeysRelation }));
}

const authApi = async () => (await import("@/lib/auth")).auth.api;

/** A new key, shown this once: only its hash is kept. */
export async function createApiKey(userId: string, { name, expiresInDays, scope }: CreateApiKeyInput): Promise<ApiKeySummary & { key: string }> {
  const created = await (await authApi()).createApiKey({
    body: { userId, name, permissions: PERMISSIONS[scope], ...(expiresInDays ? { expiresIn: expiresInDays * 24 * 60 * 60 } : {}) },
  });
  const [summary] = toApiKeySummaries([
    { id: created.id, name: created.name, start: created.start, permissions: JSON.stringify(PERMISSIONS[scope]), createdAt: new Date(created.createdAt), expiresAt: created.expiresAt ? new Date(created.expiresAt) : null, lastRequest: null },
  ]);
  return { ...summary!, key: created.key };
}

/** Ends one of the person's keys; its name for the activity entry, or null when there is none by that id. */
export async function revokeApiKey(userId: string, id: string): Promise<string | null> {
  const row = await db.apikey.findFirst({ where: { id, referenceId: userId }, select: { name: true } });
  if (!row) return null;
  const { count } = await db.apikey.deleteMany({ where: { id, referenceId: userId } });
  return count > 0 ? (row.name ?? "API key") : null;
}

/** Ends every key of the person's; how many there were. */
export async function revokeAllApiKeys(userId: string): Promise<number> {
  return (await db.apikey.deleteMany({ where: { referenceId: userId } })).count;
}

export type ApiKeyPrincipal = { keyId: string; userId: string; scope: ApiKeyScope; createdAt: Date; expiresAt: Date | null };

/** The key in `Authorization: Bearer bastion_…`, if the request carries one. */
export function apiKeyFrom(headers: Headers): string | null {
  const token = /^bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
  return token?.startsWith(API_KEY_PREFIX) ? token : null;
}

/** Whose key it is and what it may do, or null when it is unknown, expired or revoked. */
export async function verifyApiKey(key: string): Promise<ApiKeyPrincipal | null> {
  const result = await (await authApi()).verifyApiKey({ body: { key } });
  if (!result.valid || !result.key) return null;
  const { id, referenceId, permissions, createdAt, expiresAt } = result.key;
  return { keyId: id, userId: referenceId, scope: scopeOf(permissions), createdAt: new Date(createdAt), expiresAt: expiresAt ? new Date(expiresAt) : null };
}
