import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth, type Session } from "@/lib/auth";
import { NEXT_PATH_HEADER, safeNextPath } from "@/lib/redirect";

/** The signed-in session, read once per request however many components ask. */
export const getSession = cache(async (): Promise<Session | null> => auth.api.getSession({ headers: await headers() }));

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
