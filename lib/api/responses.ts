import "server-only";
import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";
import { env } from "@/lib/env";

export type ApiErrorCode = "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_INPUT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "CONFLICT";

/** Every error from our routes has one shape: { error: { code, message } }. */
export function apiError(status: number, code: ApiErrorCode, message: string) {
  return NextResponse.json({ error: { code, message } }, { status });
}

const appOrigin = new URL(env.BETTER_AUTH_URL).origin;

/**
 * The session behind a request to one of our routes, or the response that refuses it. Writes must
 * come from our own pages: a browser always sends Origin on a cross-site write, so one that names
 * another site is refused even before SameSite cookies would be.
 */
export async function authenticate(request: Request) {
  const origin = request.headers.get("origin");
  if (request.method !== "GET" && origin !== null && origin !== appOrigin) {
    return { response: apiError(403, "FORBIDDEN", "This request did not come from this site.") } as const;
  }
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return { response: apiError(401, "UNAUTHORIZED", "Sign in to continue.") } as const;
  return { session } as const;
}
