import { NextResponse } from "next/server";
import { revokeOtherSessions } from "@/lib/account/sessions";
import { authenticate, requireStepUp } from "@/lib/api/responses";

/** Signs out every other device: ends all of the person's sessions but the one asking. */
export async function DELETE(request: Request) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  const refused = await requireStepUp(request, session, { allowRecentSignIn: true });
  if (refused) return refused;
  const revoked = await revokeOtherSessions(session.user.id, session.session.id);
  return NextResponse.json({ revoked });
}
