import { NextResponse } from "next/server";
import { listActiveSessions, revokeOtherSessions } from "@/lib/account/sessions";
import { accountRoute } from "@/lib/api/route";

/** The person's sessions by id, this one first: tokens never leave the server. */
export const GET = accountRoute("sessions.list", async ({ session }) => NextResponse.json({ sessions: await listActiveSessions(session.user.id, session.session.id) }));

/** Signs out every other device: ends all of the person's sessions but the one asking. */
export const DELETE = accountRoute("sessions.revoke-others", async ({ session, record }) => {
  const revoked = await revokeOtherSessions(session.user.id, session.session.id);
  if (revoked > 0) await record(revoked === 1 ? "1 other device" : `${revoked} other devices`);
  return NextResponse.json({ revoked });
});
