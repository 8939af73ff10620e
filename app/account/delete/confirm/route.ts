import { NextResponse, type NextRequest } from "next/server";
import { DELETE_CONFIRM_PATH, scheduleDeletion } from "@/lib/account/deletion";
import { auth } from "@/lib/auth";
import { env } from "@/lib/env";
import { requestDevice } from "@/lib/request-device";

// The public URL, not request.url: behind a proxy (or on 127.0.0.1) Next may see another host, and
// a redirect there would lose the session cookie.
const here = (path: string) => new URL(path, env.BETTER_AUTH_URL);

/** Passes on better-auth's expired session cookies with a redirect. */
function redirectClearing(path: string, answer: Response) {
  const redirect = NextResponse.redirect(here(path), 303);
  for (const cookie of answer.headers.getSetCookie()) redirect.headers.append("set-cookie", cookie);
  return redirect;
}

/**
 * The link in the deletion mail, opened while signed in as the account's owner: with a grace period
 * (DELETION_GRACE_DAYS) it schedules the deletion and signs out everywhere; without one it deletes at
 * once. Either way the one-time token must be the one mailed to this signed-in person.
 */
export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) {
    const signIn = here("/sign-in");
    signIn.searchParams.set("next", `${DELETE_CONFIRM_PATH}?token=${encodeURIComponent(token)}`);
    return NextResponse.redirect(signIn, 303);
  }
  const invalid = () => NextResponse.redirect(here("/account/profile?delete=invalid-link#delete-account"), 303);
  if (env.DELETION_GRACE_DAYS === 0) {
    const result = await auth.api.deleteUser({ body: { token }, headers: request.headers, asResponse: true });
    return result.ok ? redirectClearing("/goodbye", result) : invalid();
  }
  // better-auth's own token, checked and used up as its deletion would.
  const verification = token ? await (await auth.$context).internalAdapter.consumeVerificationValue(`delete-account-${token}`) : null;
  if (verification?.value !== session.user.id) return invalid();
  const signedOut = await auth.api.signOut({ headers: request.headers, asResponse: true });
  await scheduleDeletion(session.user.id, requestDevice(request.headers));
  return redirectClearing("/goodbye?scheduled=1", signedOut);
}
