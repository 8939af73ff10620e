import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth, type Session } from "@/lib/auth";
import { knowSignInMethods } from "@/lib/account/connections";
import { findSessionInDatabase } from "@/lib/session-query";
import { NEXT_PATH_HEADER, safeNextPath } from "@/lib/redirect";
import { verifiedCookieValue } from "@/lib/signed-cookie";

/**
 * The signed-in session, read once per request however many components ask.
 *
 * A page reads it from better-auth's session store (Redis through better-auth's internal adapter, or
 * the database in one statement, which brings the sign-in methods both account pages show) without
 * going through `auth.api.getSession`, whose endpoint pipeline (every plugin's hooks, a WebCrypto key
 * per cookie) cost as much as the read itself. A session that has expired or is due to be extended
 * goes through better-auth's getSession, so deleting and extending stay better-auth's.
 */
export const getSession = cache(async (): Promise<Session | null> => {
  const context = await auth.$context;
  const token = verifiedCookieValue((await cookies()).get(context.authCookies.sessionToken.name)?.value, context.secret);
  if (!token) return null;
  const found = context.options.secondaryStorage ? await context.internalAdapter.findSession(token) : await findSessionInDatabase(context, token);
  if (!found) return null;
  // better-auth's own test; an expired session is always due too.
  const { expiresIn, updateAge } = context.sessionConfig;
  const dueForExtension = found.session.expiresAt.getTime() - (expiresIn - updateAge) * 1000 <= Date.now();
  if (dueForExtension) return auth.api.getSession({ headers: await headers() });
  if ("signInMethods" in found) knowSignInMethods(found.user.id, found.signInMethods);
  return { session: found.session, user: found.user } as Session;
});

/**
 * The session of an account page, or a redirect to sign in that comes back to the same page (whose
 * path proxy.ts passes on, since server components cannot see the URL).
 */
export async function requireSession() {
  const session = await getSession();
  if (session) return session;
  const next = safeNextPath((await headers()).get(NEXT_PATH_HEADER));
  redirect(`/sign-in?next=${encodeURIComponent(next)}`);
}
