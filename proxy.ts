import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { NEXT_PATH_HEADER } from "@/lib/redirect";

/**
 * A fast, optimistic gate: without a session cookie there is no point rendering an account page.
 * The account layout still checks the session itself, since a cookie can be stale or forged.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!getSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  // Layouts cannot see the URL; pass it on so the layout can send a stale session back here too.
  const headers = new Headers(request.headers);
  headers.set(NEXT_PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/account/:path*"] };
