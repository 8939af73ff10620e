import "server-only";
import { createHash } from "node:crypto";
import { parseCookies } from "better-auth/cookies";
import { SignJWT, errors, jwtVerify } from "jose";
import { env } from "@/lib/env";

/**
 * Step-up: fresh proof that the person at the keyboard is the account's owner, asked before the
 * actions that would let someone holding a stolen session keep the account (change its email, its
 * password, its sign-in methods or sessions) or destroy it. Proof is the password, plus a code when
 * two-factor is on, traded at POST /api/auth/users/me/step-up for a token that is good for ten
 * minutes, for that user and that session only.
 *
 * API callers send the token in X-Step-Up-Token. The pages get it as an HttpOnly cookie from the same
 * endpoint. Which actions need it, and when a recent sign-in does instead, is the action table's
 * (lib/policy).
 */
export const STEP_UP_MAX_AGE_SECONDS = 10 * 60;
export const STEP_UP_HEADER = "x-step-up-token";
export const STEP_UP_COOKIE = "bastion.step-up";

export type StepUpFailure = "STEP_UP_TOKEN_MISSING" | "STEP_UP_TOKEN_EXPIRED" | "STEP_UP_TOKEN_INVALID";

export const STEP_UP_MESSAGES: Record<StepUpFailure, string> = {
  STEP_UP_TOKEN_MISSING: "Confirm it's you first: enter your password to continue.",
  STEP_UP_TOKEN_EXPIRED: "Your confirmation has expired. Confirm it's you again to continue.",
  STEP_UP_TOKEN_INVALID: "That confirmation is not valid for this session. Confirm it's you again to continue.",
};

const AUDIENCE = "bastion:step-up";
// A key of its own, derived from the app secret, so a step-up token can never pass for anything else.
const key = createHash("sha256").update(`bastion step-up token\0${env.BETTER_AUTH_SECRET}`).digest();

type SessionRef = { user: { id: string }; session: { id: string } };

export async function issueStepUpToken({ user, session }: SessionRef) {
  const expiresAt = new Date(Date.now() + STEP_UP_MAX_AGE_SECONDS * 1000);
  const token = await new SignJWT({ sid: session.id })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(user.id)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key);
  return { token, expiresAt };
}

/** The step-up token a request carries: the API's header, or the pages' cookie. */
export function stepUpTokenFrom(headers: Headers): string | null {
  return headers.get(STEP_UP_HEADER)?.trim() || parseCookies(headers.get("cookie") ?? "").get(STEP_UP_COOKIE) || null;
}

/** Null when the token is this session's and still good, otherwise why not. */
export async function verifyStepUpToken(token: string, { user, session }: SessionRef): Promise<StepUpFailure | null> {
  try {
    const { payload } = await jwtVerify(token, key, { audience: AUDIENCE, algorithms: ["HS256"] });
    return payload.sub === user.id && payload.sid === session.id ? null : "STEP_UP_TOKEN_INVALID";
  } catch (error) {
    return error instanceof errors.JWTExpired ? "STEP_UP_TOKEN_EXPIRED" : "STEP_UP_TOKEN_INVALID";
  }
}

/** How the pages' copy of the step-up token is kept: out of scripts' reach, never sent cross-site. */
export const STEP_UP_COOKIE_OPTIONS = {
  path: "/",
  maxAge: STEP_UP_MAX_AGE_SECONDS,
  httpOnly: true,
  sameSite: "strict",
  secure: new URL(env.BETTER_AUTH_URL).protocol === "https:",
} as const;
