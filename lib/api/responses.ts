import "server-only";
import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";
import { STEP_UP_MESSAGES, checkStepUp, type StepUpFailure } from "@/lib/account/step-up";
import { env } from "@/lib/env";

export type ApiErrorCode =
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "CONFLICT"
  | "TOO_MANY_REQUESTS"
  | "INVALID_PASSWORD"
  | "INVALID_CODE"
  | "CODE_ALREADY_USED"
  | "PASSWORD_NOT_SET"
  | StepUpFailure;

/** Every error from our routes has one shape: { error: { code, message } }. */
export function apiError(status: number, code: ApiErrorCode, message: string, headers?: HeadersInit) {
  return NextResponse.json({ error: { code, message } }, { status, headers });
}

const appOrigin = new URL(env.BETTER_AUTH_URL).origin;

function hasBearerToken(request: Request) {
  return /^bearer\s+\S/i.test(request.headers.get("authorization") ?? "");
}

/**
 * The session behind a request to one of our routes, or the response that refuses it. A session
 * comes from the cookie or from `Authorization: Bearer` (better-auth's bearer plugin). Cookie writes
 * must come from our own pages: a browser always sends Origin on a cross-site write, so one that
 * names another site is refused even before SameSite cookies would be. A bearer token is never sent
 * by a browser on its own, so it needs no such check.
 */
export async function authenticate(request: Request) {
  const origin = request.headers.get("origin");
  if (request.method !== "GET" && origin !== null && origin !== appOrigin && !hasBearerToken(request)) {
    return { response: apiError(403, "FORBIDDEN", "This request did not come from this site.") } as const;
  }
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return { response: apiError(401, "UNAUTHORIZED", "Sign in to continue.") } as const;
  return { session } as const;
}

type AuthenticatedSession = NonNullable<Awaited<ReturnType<typeof auth.api.getSession>>>;

/**
 * The refusal for a sensitive action without fresh proof of identity (see lib/account/step-up), or
 * null when it may go ahead. The API asks for the token every time; the pages also accept a sign-in
 * from the last ten minutes.
 */
export async function requireStepUp(request: Request, session: AuthenticatedSession, { allowRecentSignIn = false } = {}) {
  const failure = await checkStepUp(request.headers, session, { allowRecentSignIn });
  return failure ? apiError(403, failure, STEP_UP_MESSAGES[failure]) : null;
}
