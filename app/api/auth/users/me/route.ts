import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";
import type { z } from "zod";
import { deleteAccountData, scheduleDeletion } from "@/lib/account/deletion";
import { getAccountSummary } from "@/lib/account/me";
import { STEP_UP_COOKIE } from "@/lib/account/step-up";
import { accountRoute } from "@/lib/api/route";
import { requestDevice } from "@/lib/request-device";
import type { deletionScheduledSchema } from "@/lib/validation/responses";
import type { UpdateNameInput } from "@/lib/validation/user";

export const GET = accountRoute("profile.read", async ({ session }) => NextResponse.json(await getAccountSummary(session.user)));

export const PUT = accountRoute<UpdateNameInput>("profile.update", async ({ session, body }) => {
  // better-auth's own update, which also refreshes the sessions' copies in Redis; by user id, since an
  // API key brings no session that better-auth's endpoint would know.
  await (await auth.$context).internalAdapter.updateUser(session.user.id, { name: body.name });
  return NextResponse.json(await getAccountSummary({ ...session.user, name: body.name }));
});

/**
 * Deletes the account and everything of it, the step-up token being the API's proof: after the grace
 * period (scheduled now, every session ending), or at once without one.
 */
export const DELETE = accountRoute("account.delete", async ({ request, session }) => {
  const deletesAt = await scheduleDeletion(session.user.id, requestDevice(request.headers));
  if (!deletesAt) await deleteAccountData(session.user.id);
  const done = deletesAt
    ? NextResponse.json({ status: "scheduled", deletesAt: deletesAt.toISOString() } satisfies z.infer<typeof deletionScheduledSchema>, { status: 202 })
    : new NextResponse(null, { status: 204 });
  const cookies = (await auth.$context).authCookies;
  for (const name of [cookies.sessionToken.name, cookies.sessionData.name, cookies.dontRememberToken.name, STEP_UP_COOKIE]) {
    done.cookies.set(name, "", { path: "/", maxAge: 0, expires: new Date(0), httpOnly: true, secure: name.startsWith("__Secure-"), sameSite: "lax" });
  }
  return done;
});
