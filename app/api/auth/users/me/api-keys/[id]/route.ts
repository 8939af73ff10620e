import { NextResponse } from "next/server";
import { revokeApiKey } from "@/lib/account/api-keys";
import { ApiError } from "@/lib/api/errors";
import { accountRoute } from "@/lib/api/route";

/** Revokes one of the person's keys; someone else's and one that does not exist answer alike. */
export const DELETE = accountRoute<undefined, { id: string }>("api-keys.revoke", async ({ session, params, record }) => {
  const name = await revokeApiKey(session.user.id, params.id);
  if (name === null) throw new ApiError("NOT_FOUND", "No such API key.");
  await record(name);
  return new NextResponse(null, { status: 204 });
});
