import "server-only";
import { timingSafeEqual } from "node:crypto";
import { STEP_UP_MESSAGES, stepUpTokenFrom, verifyStepUpToken } from "@/lib/account/step-up";
import { ApiError, tooManyRequests } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { clientNetwork, requestDevice } from "@/lib/request-device";
import type { Action, Proof } from "./actions";
import { countRequest } from "./limits";
import type { Match } from "./match";
import { signedInRecently } from "./sign-in-time";

/** What the checks read of an account: all of it comes with the session. */
export type PolicyUser = { id: string; twoFactorEnabled?: boolean | null; emailCodeEnabled?: boolean | null; deletionScheduledAt?: Date | string | null };

export type PolicySession = {
  user: PolicyUser;
  session: { id: string; signedInAt?: Date | string | null };
};

/**
 * The session a request carries, as better-auth's endpoints will see it: auth.api.getSession runs
 * the plugins' hooks too, so a bearer token counts (getSessionFromCtx in a hook sees only the cookie).
 */
export type FindSession = (headers: Headers) => Promise<PolicySession | null>;

export const hasBearerToken = (headers: Headers) => /^bearer\s+\S/i.test(headers.get("authorization") ?? "");

/**
 * Why the request lacks the proof its action needs, or null. Without a session this says nothing:
 * the endpoint itself answers 401. A recent sign-in counts in a browser only; an API client (bearer
 * token) always steps up, so a token taken from one is never enough on its own.
 */
export async function proofRefusal(proof: Proof, headers: Headers, session: PolicySession | null): Promise<ApiError | null> {
  if (proof === "scheduler") return schedulerRefusal(headers);
  if (!session) return null;
  if (proof === "second-step") {
    // The second step belongs to a sign-in in progress, or to turning two-factor on; a session whose
    // account has two-factor on already is neither.
    return session.user.twoFactorEnabled ? new ApiError("FORBIDDEN", "You are signed in already.") : null;
  }
  // Someone signed in has finished signing in: the codes for the challenge are not theirs to ask for
  // or spend (a session without two-factor would turn it on with one).
  if (proof === "sign-in-challenge") return new ApiError("FORBIDDEN", "You are signed in already.");
  if (proof !== "recent-sign-in" && proof !== "step-up") return null;
  const token = stepUpTokenFrom(headers);
  if (token) {
    const failure = await verifyStepUpToken(token, session);
    return failure && new ApiError(failure, STEP_UP_MESSAGES[failure]);
  }
  if (proof === "recent-sign-in" && !hasBearerToken(headers) && signedInRecently(session.session)) return null;
  return new ApiError("STEP_UP_TOKEN_MISSING", STEP_UP_MESSAGES.STEP_UP_TOKEN_MISSING);
}

const sameSecret = (given: string, expected: string) => given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/** A scheduler proves itself with CRON_SECRET as its bearer token; without one set, there is no such route. */
function schedulerRefusal(headers: Headers): ApiError | null {
  if (!env.CRON_SECRET) return new ApiError("NOT_FOUND", "Set CRON_SECRET to purge from a scheduler.");
  const given = /^Bearer (.+)$/.exec(headers.get("authorization") ?? "")?.[1] ?? "";
  return sameSecret(given, env.CRON_SECRET) ? null : new ApiError("UNAUTHORIZED", "The purge needs CRON_SECRET as its bearer token.");
}

/** Counts the request against its endpoint's limit, per client address; the 429 when it is over. */
export async function limitRefusal({ action, endpoint }: Match, headers: Headers): Promise<ApiError | null> {
  if (!action.limit) return null;
  const address = requestDevice(headers).ipAddress;
  const client = address ? clientNetwork(address) : "unknown";
  const retryAfter = await countRequest(`${endpoint.method} ${endpoint.path} ${client}`, action.limit);
  return retryAfter > 0 ? tooManyRequests(retryAfter) : null;
}

/** Codes by email count only while two-factor is on (turning it off turns them off too: lib/account/second-factor). */
export const emailCodeOn = (user: { twoFactorEnabled?: boolean | null; emailCodeEnabled?: boolean | null }) => Boolean(user.twoFactorEnabled && user.emailCodeEnabled);

/** Why an account cannot use a code by email (whichever action, or step-up's `codeMethod`), or null. */
export function emailCodeRefusal(user: Pick<PolicyUser, "twoFactorEnabled" | "emailCodeEnabled">): ApiError | null {
  return emailCodeOn(user) ? null : new ApiError("EMAIL_CODE_OFF", "Codes by email are not turned on for this account. Use your authenticator app, a passkey or a backup code.");
}

/**
 * What the account itself allows: an action for one second-step method needs that method on, and an
 * action limited per account counts this request against the account's window.
 */
export async function accountRefusal(action: Action, user: PolicyUser): Promise<ApiError | null> {
  if (action.requiresMethod === "email-code") {
    const off = emailCodeRefusal(user);
    if (off) return off;
  }
  if (!action.perAccount) return null;
  const { counter, ...limit } = action.perAccount;
  const retryAfter = await countRequest(`account ${counter} ${user.id}`, limit);
  return retryAfter > 0 ? tooManyRequests(retryAfter, `Too many codes asked for. Try again in ${Math.ceil(retryAfter / 60)} minutes, or use another method.`) : null;
}

/** During a deletion's grace period the account can be kept, or signed out of; nothing else. */
export function deletionGraceRefusal(action: Action, session: PolicySession | null): ApiError | null {
  const scheduled = session?.user.deletionScheduledAt;
  if (!scheduled || action.duringDeletionGrace) return null;
  const day = new Date(scheduled).toISOString().slice(0, 10);
  return new ApiError("ACCOUNT_DELETION_SCHEDULED", `This account is scheduled for deletion on ${day}. Keep it first (DELETE /api/auth/users/me/deletion), or sign out.`);
}

/** Whether a personal API key of this scope may take the action (lib/policy/actions: apiKeyScope). */
export function apiKeyScopeRefusal(action: Action, scope: "read" | "manage"): ApiError | null {
  if (!action.apiKeyScope) {
    return new ApiError("API_KEY_NOT_ALLOWED", "An API key cannot do this. Sign in, and confirm it's you where asked, to do it.");
  }
  if (action.apiKeyScope === "manage" && scope !== "manage") {
    return new ApiError("INSUFFICIENT_SCOPE", "This API key can only read. Create a key that can manage the account to make changes.");
  }
  return null;
}
