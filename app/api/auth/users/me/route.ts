import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";
import { deleteAccountData } from "@/lib/account/deletion";
import { getAccountSummary } from "@/lib/account/me";
import { STEP_UP_COOKIE } from "@/lib/account/step-up";
import { parseJsonBody } from "@/lib/api/json-body";
import { apiError, authenticate, requireStepUp } from "@/lib/api/responses";
import { betterAuthFailure } from "@/lib/api/better-auth";
import { updateNameSchema } from "@/lib/validation/user";

export async function GET(request: Request) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  const profile = await getAccountSummary(session.user.id);
  if (!profile) return apiError(404, "NOT_FOUND", "This account no longer exists.");
  return NextResponse.json(profile);
}

/** Updates the editable fields of the profile: the name. */
export async function PUT(request: Request) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  const body = await parseJsonBody(request, updateNameSchema.strict());
  if (body.response) return body.response;
  // Through better-auth, as the name form does, so its hooks (the shared name rules) apply.
  try {
    await auth.api.updateUser({ body: { name: body.data.name }, headers: request.headers });
  } catch (error) {
    return betterAuthFailure(error);
  }
  return NextResponse.json(await getAccountSummary(session.user.id));
}

/**
 * Deletes the account and everything of it at once, given a step-up token: the token is the proof the
 * pages get from the mailed link. Ends with the session cookies cleared.
 */
export async function DELETE(request: Request) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  const refused = await requireStepUp(request, session);
  if (refused) return refused;
  await deleteAccountData(session.user.id);
  const done = new NextResponse(null, { status: 204 });
  const cookies = (await auth.$context).authCookies;
  for (const name of [cookies.sessionToken.name, cookies.sessionData.name, cookies.dontRememberToken.name, STEP_UP_COOKIE]) {
    done.cookies.set(name, "", { path: "/", maxAge: 0, expires: new Date(0), httpOnly: true, secure: name.startsWith("__Secure-"), sameSite: "lax" });
  }
  return done;
}
