import { NextResponse, type NextRequest } from "next/server";
import { DELETE_CONFIRM_PATH } from "@/lib/account/deletion";
import { auth } from "@/lib/auth";
import { env } from "@/lib/env";

// The public URL, not request.url: behind a proxy (or on 127.0.0.1) Next may see another host, and
// a redirect there would lose the session cookie.
const here = (path: string) => new URL(path, env.BETTER_AUTH_URL);

/**
 * The link in the deletion mail. Opening it while signed in as the account's owner deletes the
 * account; better-auth checks the one-time token against the signed-in user.
 */
export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) {
    const signIn = here("/sign-in");
    signIn.searchParams.set("next", `${DELETE_CONFIRM_PATH}?token=${encodeURIComponent(token)}`);
    return NextResponse.redirect(signIn, 303);
  }
  const result = await auth.api.deleteUser({ body: { token }, headers: request.headers, asResponse: true });
  if (!result.ok) {
    return NextResponse.redirect(here("/account/profile?delete=invalid-link#delete-account"), 303);
  }
  const goodbye = NextResponse.redirect(here("/goodbye"), 303);
  // better-auth's answer expires the session cookies; pass that on with the redirect.
  for (const cookie of result.headers.getSetCookie()) goodbye.headers.append("set-cookie", cookie);
  return goodbye;
}
