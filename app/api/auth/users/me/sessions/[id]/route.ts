import { NextResponse } from "next/server";
import { deviceName } from "@/lib/account/activity";
import { revokeSession } from "@/lib/account/sessions";
import { ApiError } from "@/lib/api/errors";
import { accountRoute } from "@/lib/api/route";

/** Ends one of the person's other sessions, found by id. */
export const DELETE = accountRoute<undefined, { id: string }>("sessions.revoke", async ({ session, params, record }) => {
  if (params.id === session.session.id) throw new ApiError("INVALID_INPUT", "To end this session, sign out.");
  // Someone else's session and a session that does not exist get the same answer.
  const revoked = await revokeSession(session.user.id, params.id);
  if (!revoked) throw new ApiError("NOT_FOUND", "No such session.");
  await record(deviceName(revoked.userAgent));
  return new NextResponse(null, { status: 204 });
});
