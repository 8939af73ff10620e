import { NextResponse } from "next/server";
import { cancelPendingEmailChange } from "@/lib/account/email-change";
import { apiError, authenticate } from "@/lib/api/responses";

/** Cancels a pending change of address; the link already mailed stops working. */
export async function DELETE(request: Request) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  if (!(await cancelPendingEmailChange(session.user.id))) return apiError(404, "NOT_FOUND", "There is no change of email address to cancel.");
  return new NextResponse(null, { status: 204 });
}
