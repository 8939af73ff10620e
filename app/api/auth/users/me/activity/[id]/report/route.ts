import { NextResponse } from "next/server";
import { reportSignIn } from "@/lib/account/report-sign-in";
import { ApiError } from "@/lib/api/errors";
import { accountRoute } from "@/lib/api/route";

/** "This wasn't me" for one sign-in of the activity log: signs out everywhere and mails a reset link. */
export const POST = accountRoute<undefined, { id: string }>("activity.report", async ({ request, session, params }) => {
  // Someone else's sign-in and one that does not exist get the same answer.
  if ((await reportSignIn(session.user.id, params.id, request.headers)) === "not-found") throw new ApiError("NOT_FOUND", "No such sign-in.");
  return NextResponse.json({ signedOut: true, passwordResetSent: true });
});
