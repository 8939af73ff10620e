import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";
import { getPendingEmailChange } from "@/lib/account/email-change";
import { betterAuthFailure } from "@/lib/api/better-auth";
import { parseJsonBody } from "@/lib/api/json-body";
import { authenticate, requireStepUp } from "@/lib/api/responses";
import { EMAIL_CHANGE_CALLBACK, changeEmailSchema } from "@/lib/validation/user";
import { refuseOverLimit } from "@/lib/api/rate-limit";

/**
 * Starts a change of address: a link goes to the new one, and the address changes when it is opened.
 * An address someone else uses gets the same answer (and no mail), so this cannot probe for accounts.
 */
export async function PUT(request: Request) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  const overLimit = await refuseOverLimit(request, "change-email");
  if (overLimit) return overLimit;
  const body = await parseJsonBody(request, changeEmailSchema.strict());
  if (body.response) return body.response;
  const refused = await requireStepUp(request, session);
  if (refused) return refused;
  try {
    await auth.api.changeEmail({ body: { newEmail: body.data.newEmail, callbackURL: EMAIL_CHANGE_CALLBACK }, headers: request.headers });
  } catch (error) {
    return betterAuthFailure(error);
  }
  const pending = await getPendingEmailChange(session.user.id);
  return NextResponse.json({ status: "verification_sent", pendingEmail: pending?.newEmail ?? body.data.newEmail, expiresAt: pending?.expiresAt ?? null }, { status: 202 });
}
