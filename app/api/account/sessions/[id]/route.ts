import { NextResponse } from "next/server";
import { deviceName, recordSecurityEvent } from "@/lib/account/activity";
import { revokeSession } from "@/lib/account/sessions";
import { requestDevice } from "@/lib/request-device";
import { apiError, authenticate, requireStepUp } from "@/lib/api/responses";
import { recordIdSchema } from "@/lib/validation/security";

/** Ends one of the person's sessions, found by id; tokens never leave the server. */
export async function DELETE(request: Request, { params }: RouteContext<"/api/account/sessions/[id]">) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  const id = recordIdSchema.safeParse((await params).id);
  if (!id.success) return apiError(400, "INVALID_INPUT", "That is not a session id.");
  if (id.data === session.session.id) {
    return apiError(400, "INVALID_INPUT", "To end this session, sign out.");
  }
  const refused = await requireStepUp(request, session, { allowRecentSignIn: true });
  if (refused) return refused;
  // Someone else's session and a session that does not exist get the same answer.
  const revoked = await revokeSession(session.user.id, id.data);
  if (!revoked) return apiError(404, "NOT_FOUND", "No such session.");
  await recordSecurityEvent({ userId: session.user.id, type: "session_revoked", device: requestDevice(request.headers), detail: deviceName(revoked.userAgent) });
  return new NextResponse(null, { status: 204 });
}
