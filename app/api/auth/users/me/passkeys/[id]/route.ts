import { NextResponse } from "next/server";
import type { z } from "zod";
import { deletePasskey, renamePasskey } from "@/lib/account/passkeys";
import { ApiError } from "@/lib/api/errors";
import { accountRoute } from "@/lib/api/route";
import type { passkeySchema } from "@/lib/validation/responses";
import type { RenamePasskeyInput } from "@/lib/validation/passkeys";

// Someone else's passkey and one that does not exist get the same answer.
const notFound = () => new ApiError("NOT_FOUND", "No such passkey.");

export const PUT = accountRoute<RenamePasskeyInput, { id: string }>("passkey.rename", async ({ session, params, body }) => {
  const passkey = await renamePasskey(session.user.id, params.id, body.name);
  if (!passkey) throw notFound();
  return NextResponse.json({ ...passkey, createdAt: passkey.createdAt.toISOString(), lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null } satisfies z.infer<typeof passkeySchema>);
});

export const DELETE = accountRoute<undefined, { id: string }>("passkey.remove", async ({ session, params, record }) => {
  const name = await deletePasskey(session.user.id, params.id);
  if (name === null) throw notFound();
  await record(name);
  return new NextResponse(null, { status: 204 });
});
