import { NextResponse } from "next/server";
import { reportSignIn } from "@/lib/account/report-sign-in";
import { apiError, authenticate } from "@/lib/api/responses";
import { recordIdSchema } from "@/lib/validation/security";
import { refuseOverLimit } from "@/lib/api/rate-limit";

/** "This wasn't me" for one sign-in of the activity log: signs out everywhere and mails a reset link. */
export async function POST(request: Request, { params }: RouteContext<"/api/account/activity/[id]/report">) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  const overLimit = await refuseOverLimit(request, "report-sign-in");
  if (overLimit) return overLimit;
  const id = recordIdSchema.safeParse((await params).id);
  if (!id.success) return apiError(400, "INVALID_INPUT", "That is not an activity entry.");
  // Someone else's sign-in and one that does not exist get the same answer.
  if ((await reportSignIn(session.user.id, id.data, request.headers)) === "not-found") {
    return apiError(404, "NOT_FOUND", "No such sign-in.");
  }
  return NextResponse.json({ signedOut: true, passwordResetSent: true });
}
