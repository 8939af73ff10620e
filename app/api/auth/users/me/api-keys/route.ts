import { NextResponse } from "next/server";
import type { z } from "zod";
import { createApiKey, listApiKeys, revokeAllApiKeys, type ApiKeySummary } from "@/lib/account/api-keys";
import { accountRoute } from "@/lib/api/route";
import type { CreateApiKeyInput } from "@/lib/validation/api-keys";
import type { apiKeySchema } from "@/lib/validation/responses";

const asJson = (key: ApiKeySummary): z.infer<typeof apiKeySchema> => ({
  ...key,
  createdAt: key.createdAt.toISOString(),
  expiresAt: key.expiresAt?.toISOString() ?? null,
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
});

/** The person's keys: never the key itself, which exists only in the answer that made it. */
export const GET = accountRoute("api-keys.list", async ({ session }) => NextResponse.json({ apiKeys: (await listApiKeys(session.user.id)).map(asJson) }));

export const POST = accountRoute<CreateApiKeyInput>("api-keys.create", async ({ session, body, record }) => {
  const { key, ...created } = await createApiKey(session.user.id, body);
  await record(`${created.name} (${created.scope === "manage" ? "manage the account" : "read the profile"})`);
  return NextResponse.json({ ...asJson(created), key }, { status: 201, headers: { "cache-control": "no-store" } });
});

export const DELETE = accountRoute("api-keys.revoke-all", async ({ session, record }) => {
  const revoked = await revokeAllApiKeys(session.user.id);
  if (revoked > 0) await record(revoked === 1 ? "1 key" : `All ${revoked} keys`);
  return NextResponse.json({ revoked });
});
