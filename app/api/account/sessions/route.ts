import { NextResponse } from "next/server";
import { recordSecurityEvent } from "@/lib/account/activity";
import { revokeOtherSessions } from "@/lib/account/sessions";
import { requestDevice } from "@/lib/request-device";
import { authenticate, requireStepUp } from "@/lib/api/responses";

/** Signs out every other device: ends all of the person's sessions but the one asking. */
export async function DELETE(request: Request) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  const refused = await requireStepUp(request, session, { allowRecentSignIn: true });
  if (refused) return refused;
  const revoked = await revokeOtherSessions(session.user.id, session.session.id);
  if (revoked > 0) {
    const detail = revoked === 1 ? "1 other device" : `${revoked} other devices`;
    await recordSecurityEvent({ userId: session.user.id, type: "session_revoked", device: requestDevice(request.headers), detail });
  }
  return NextResponse.json({ revoked });
}
