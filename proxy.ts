import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { NEXT_PATH_HEADER } from "@/lib/redirect";

/**
 * Scripts run only when they carry this response's nonce: an injected <script>, or markup that would
 * load one, is refused by the browser. Next reads the nonce from the request's policy and puts it on
 * its own scripts; 'strict-dynamic' lets those load the chunks they import. React's development build
 * evaluates strings, so `npm run dev` also allows eval.
 */
function contentSecurityPolicy(nonce: string) {
  const evalInDevelopment = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";
  return [
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${evalInDevelopment}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Every page: a fresh script nonce. Account pages: a fast, optimistic gate, since without a session
 * cookie there is no point rendering one (the account layout still checks the session itself, since
 * a cookie can be stale or forged).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isAccountPage = pathname === "/account" || pathname.startsWith("/account/");
  if (isAccountPage && !getSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  const policy = contentSecurityPolicy(Buffer.from(crypto.randomUUID()).toString("base64"));
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // Layouts cannot see the URL; pass it on so the account layout can send a stale session back here.
  if (isAccountPage) headers.set(NEXT_PATH_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Pages only: API answers and static files carry the static policy from next.config.ts.
export const config = { matcher: ["/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)"] };
