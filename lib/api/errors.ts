import "server-only";
import { APIError, isAPIError } from "better-auth/api";
import { env } from "@/lib/env";

/**
 * The one error shape every JSON answer has, ours and better-auth's: { error: { code, message } },
 * with the status the code calls for. Messages are written for the person at the form; the pages
 * show them as they are.
 */
export type ErrorBody = { error: { code: string; message: string } };

const STATUS: Record<string, number> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PASSWORD_NOT_SET: 409,
  ACCOUNT_DELETION_SCHEDULED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
  // Every wrong secret is 403, so a client can tell "you typed it wrong" from "the request is
  // malformed" (better-auth says 400 or 401 for some of them).
  INVALID_PASSWORD: 403,
  INVALID_CODE: 403,
  CODE_ALREADY_USED: 403,
  INVALID_PASSKEY: 403,
  STEP_UP_TOKEN_MISSING: 403,
  STEP_UP_TOKEN_EXPIRED: 403,
  STEP_UP_TOKEN_INVALID: 403,
  API_KEY_NOT_ALLOWED: 403,
  EMAIL_CODE_OFF: 403,
  INSUFFICIENT_SCOPE: 403,
};

// better-auth's codes, in words for people. Codes not listed keep better-auth's status and get a
// neutral sentence: its own messages are written for developers and may name internals.
const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "The email or password is incorrect.",
  EMAIL_NOT_VERIFIED: "Verify your email address first. We have sent you a new link.",
  INVALID_TOKEN: "This link is invalid or has already been used. Ask for a new one.",
  TOKEN_EXPIRED: "This link has expired. Ask for a new one.",
  PASSWORD_TOO_SHORT: "Use at least 8 characters.",
  PASSWORD_TOO_LONG: "Use at most 128 characters.",
  INVALID_PASSWORD: "The password is incorrect.",
  // The same code for the authenticator's codes and the mailed ones.
  INVALID_CODE: "That code is not right. Check it, or use the newest one, and try again.",
  CODE_ALREADY_USED: "That code has already been used. Wait for the next one in your authenticator app.",
  INVALID_BACKUP_CODE: "That backup code is not right, or it has already been used.",
  INVALID_TWO_FACTOR_COOKIE: "Your sign-in took too long. Sign in again.",
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: "Too many wrong codes. Ask for a new code, or sign in again.",
  OTP_HAS_EXPIRED: "That code has expired or was used already. Ask for a new one.",
  ACCOUNT_TEMPORARILY_LOCKED: "Too many wrong codes. Two-factor sign-in is locked for a while; try again later.",
  TOTP_ALREADY_ENABLED: "Two-factor authentication is already on.",
  EMAIL_IS_THE_SAME: "That is already your email address.",
  UNAUTHORIZED: "Sign in to continue.",
  INVALID_ORIGIN: `This page is not one this server trusts. Open the app at ${new URL(env.BETTER_AUTH_URL).origin} and try again.`,
  TOO_MANY_REQUESTS: "Too many attempts. Wait a moment and try again.",
  PROVIDER_NOT_FOUND: "That sign-in provider is not set up here.",
  PASSKEY_NOT_FOUND: "That passkey is not registered here. Sign in with your password, then add it again.",
  AUTHENTICATION_FAILED: "That passkey could not be verified. Try again, or sign in with your password.",
  CHALLENGE_NOT_FOUND: "The passkey prompt has expired. Try again.",
  USER_VERIFICATION_REQUIRED: "This passkey did not ask for your PIN or fingerprint. Use one that does, or sign in with your password.",
  FAILED_TO_VERIFY_REGISTRATION: "The passkey could not be added. Try again.",
};

// better-auth's codes that ours name differently.
const RENAMED: Record<string, string> = { INVALID_BACKUP_CODE: "INVALID_CODE", VALIDATION_ERROR: "INVALID_INPUT", MISSING_OR_NULL_ORIGIN: "INVALID_ORIGIN", INVALID_CALLBACK_URL: "INVALID_INPUT" };

export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;
  constructor(
    readonly code: string,
    message?: string,
    readonly options: { status?: number; headers?: HeadersInit } = {},
  ) {
    super(message ?? MESSAGES[code] ?? "The request was refused.");
    this.status = options.status ?? STATUS[code] ?? 400;
  }

  toResponse(): Response {
    const body: ErrorBody = { error: { code: this.code, message: this.message } };
    const headers = new Headers(this.options.headers);
    headers.set("content-type", "application/json");
    return new Response(JSON.stringify(body), { status: this.status, headers });
  }
}

/** Redis (lib/redis) is not answering: refused before anything is written, to be tried again shortly. */
export const storeUnavailable = () =>
  new ApiError("SERVICE_UNAVAILABLE", "Signing in and account changes are paused for a moment: the session store is not answering. Try again in a minute.", {
    headers: { "Retry-After": "30" },
  });

export const tooManyRequests = (retryAfterSeconds: number, message?: string) =>
  new ApiError("TOO_MANY_REQUESTS", message, { headers: { "Retry-After": String(Math.max(1, retryAfterSeconds)) } });

/**
 * A refusal in better-auth's shape ({ code, message } or { message }, and its status) in ours. Its own
 * HTTP answers keep better-auth's status (`keepStatus`), which clients of better-auth already read;
 * through our routes, every wrong secret is a 403 like the rest of our API.
 */
export function fromBetterAuth(status: number, body: { code?: unknown; message?: unknown } | null, { keepStatus = false } = {}): ApiError {
  const given = typeof body?.code === "string" && body.code ? body.code : body?.message === "Email is the same" ? "EMAIL_IS_THE_SAME" : undefined;
  if (status >= 500) return new ApiError("INTERNAL_ERROR", "Something went wrong on our side. Try again in a moment.", { status });
  // A lock better-auth names (the second step's) keeps its name; any other limit is ours.
  if (status === 429 && given === "TOO_MANY_REQUESTS" && typeof body?.message === "string") return new ApiError(given, body.message, { status });
  if (status === 429) return given && MESSAGES[given] ? new ApiError(given, MESSAGES[given], { status }) : new ApiError("TOO_MANY_REQUESTS");
  const code = given ? (RENAMED[given] ?? given) : statusCode(status);
  const message = (given && MESSAGES[given]) ?? MESSAGES[code] ?? (code === "INVALID_INPUT" && typeof body?.message === "string" ? body.message : undefined);
  return new ApiError(code, message, { status: keepStatus ? status : (STATUS[code] ?? status) });
}

const statusCode = (status: number) => ({ 400: "INVALID_INPUT", 401: "UNAUTHORIZED", 403: "FORBIDDEN", 404: "NOT_FOUND", 409: "CONFLICT" })[status] ?? "INVALID_INPUT";

/** One of our refusals, thrown from inside better-auth (a hook), keeping its status, message and headers. */
export function asBetterAuthError(error: ApiError): APIError {
  return new APIError(error.status as ConstructorParameters<typeof APIError>[0], { code: error.code, message: error.message }, error.options.headers);
}

/** What a thrown better-auth error means for the client, in our shape; anything else is rethrown. */
export function betterAuthFailure(error: unknown): ApiError {
  if (!isAPIError(error)) throw error;
  return fromBetterAuth(error.statusCode, (error.body ?? null) as { code?: unknown; message?: unknown } | null);
}

/**
 * better-auth's HTTP answers in our shape. Redirects and successes pass as they are; a refusal keeps
 * its headers (a cookie being cleared, say) and gets our body.
 */
export async function reshapeBetterAuthAnswer(response: Response): Promise<Response> {
  if (response.status < 400) return response;
  const text = await response.clone().text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (body && typeof body === "object" && "error" in body && typeof (body as ErrorBody).error?.code === "string") return response;
  const error = fromBetterAuth(response.status, body as { code?: unknown; message?: unknown } | null, { keepStatus: true });
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  const retryAfter = headers.get("x-retry-after");
  if (retryAfter && !headers.has("retry-after")) headers.set("retry-after", retryAfter);
  return new Response(JSON.stringify({ error: { code: error.code, message: error.message } } satisfies ErrorBody), { status: error.status, headers });
}
