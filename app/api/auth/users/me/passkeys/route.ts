import { NextResponse } from "next/server";
import { listPasskeys } from "@/lib/account/passkeys";
import { accountRoute } from "@/lib/api/route";
import type { passkeysSchema } from "@/lib/validation/responses";
import type { z } from "zod";

export const GET = accountRoute("passkeys.list", async ({ session }) => {
  const passkeys = await listPasskeys(session.user.id);
  return NextResponse.json({
    passkeys: passkeys.map((passkey) => ({ ...passkey, createdAt: passkey.createdAt.toISOString(), lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null })),
  } satisfies z.infer<typeof passkeysSchema>);
});
