import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";
import { cancelPendingEmailChange, getPendingEmailChange } from "@/lib/account/email-change";
import { ApiError } from "@/lib/api/errors";
import { accountRoute } from "@/lib/api/route";
import { EMAIL_CHANGE_CALLBACK } from "@/lib/validation/email-change";
import type { ChangeEmailInput } from "@/lib/validation/user";

/**
 * Starts a change of address: a link goes to the new one, and the address changes when it is opened.
 * An address someone else uses gets the same answer (and no mail), so this cannot probe for accounts.
 */
export const PUT = accountRoute<ChangeEmailInput>("email.change", async ({ request, session, body }) => {
  await auth.api.changeEmail({ body: { newEmail: body.newEmail, callbackURL: EMAIL_CHANGE_CALLBACK }, headers: request.headers });
  const pending = await getPendingEmailChange(session.user.id);
  return NextResponse.json({ status: "verification_sent", pendingEmail: pending?.newEmail ?? body.newEmail, expiresAt: pending?.expiresAt ?? null }, { status: 202 });
});

/** Cancels a pending change of address; the link already mailed stops working. */
export const DELETE = accountRoute("email.cancel", async ({ session }) => {
  if (!(await cancelPendingEmailChange(session.user.id))) throw new ApiError("NOT_FOUND", "There is no change of email address to cancel.");
  return new NextResponse(null, { status: 204 });
});
