import "server-only";
import { z, type core } from "zod";
import type { SecurityEventType } from "@/lib/account/activity";
import { newPasswordSchema } from "@/lib/passwords/common";
import { signInSchema } from "@/lib/validation/auth";
import { AVATAR_MAX_BYTES, AVATAR_TOO_LARGE, AVATAR_TYPES } from "@/lib/validation/avatar";
import { createApiKeySchema } from "@/lib/validation/api-keys";
import { passkeyAssertionSchema, passkeyAttestationSchema, passkeyNameSchema, renamePasskeySchema } from "@/lib/validation/passkeys";
import {
  backupCodeSchema,
  changePasswordRequestSchema,
  confirmPasswordSchema,
  emailCodeSchema,
  preferredSecondFactorRequestSchema,
  recordIdSchema,
  stepUpRequestSchema,
  totpCodeSchema,
} from "@/lib/validation/security";
import { changeEmailSchema, emailSchema, imageUpdateSchema, nameSchema, updateNameSchema } from "@/lib/validation/user";
import * as responses from "@/lib/validation/responses";

/**
 * Every action a person can take on an account, and everything that guards it: the HTTP endpoints
 * that carry it (better-auth's and our own routes), the proof it needs, its rate limit, the security
 * event it records and the mail it sends. The better-auth plugin (lib/policy/plugin), our route
 * wrapper (lib/api/route), the OpenAPI document and the README's security notes all read this table;
 * an endpoint that is not in it does not answer (404).
 */

export type Proof = "none" | "session" | "second-step" | "sign-in-challenge" | "mailed-link" | "recent-sign-in" | "step-up" | "scheduler";

export const PROOFS: Record<Proof, string> = {
  none: "nothing: anyone may ask",
  session: "a session (cookie or bearer token)",
  "second-step": "the sign-in's two-factor challenge, or a session turning two-factor on",
  "sign-in-challenge": "the sign-in's two-factor challenge only (refused to a session)",
  "mailed-link": "the one-time token from a mailed link",
  "recent-sign-in": "a step-up token, or, in a browser, a sign-in with every factor in the last ten minutes",
  "step-up": "a step-up token, always",
  scheduler: "CRON_SECRET as the bearer token of a scheduler (served only when CRON_SECRET is set)",
};

/** Requests per client address in a fixed window. */
export type Limit = { max: number; windowSeconds: number };

type Method = "GET" | "POST" | "PUT" | "DELETE";

export type Upload = { maxBytes: number; types: readonly string[]; tooLarge: string };

export type OpenApiInfo = {
  summary: string;
  description?: string;
  success: { status: number; description: string; schema?: core.$ZodType; headers?: Record<string, string> };
  /** Refusals particular to this endpoint, beyond what its proof, limit and body imply. */
  errors?: Record<number, string>;
};

export type Endpoint = {
  method: Method;
  /** The full path, `:name` for a segment that varies. */
  path: string;
  /** better-auth's handler, or a route of ours under app/. */
  by: "better-auth" | "route";
  body?: core.$ZodType;
  upload?: Upload;
  params?: core.$ZodType;
  query?: core.$ZodType;
  /** false for steps of a browser flow (provider callbacks, mailed links) that an API client never calls. */
  openapi: OpenApiInfo | false;
};

export type Action = {
  title: string;
  endpoints: Endpoint[];
  proof: Proof;
  limit?: Limit;
  /** Wrong answers to a secret, per account: over the limit the action is closed for the window. */
  failures?: Limit & { event: SecurityEventType };
  /** Recorded when the action succeeds. */
  event?: SecurityEventType;
  /** Security events that depend on how the action went (recorded by lib/account/activity-plugin). */
  outcomes?: SecurityEventType[];
  mail?: string;
  /**
   * What a personal API key needs to take this action, when a key may take it at all: "read" for a
   * look, "manage" for a change. Without it, a key is refused (no key can step up, so the actions
   * that need a recent sign-in or a step-up are never a key's).
   */
  apiKeyScope?: "read" | "manage";
  /** Requests per account (the session's, or the one being signed in to) in a window, on a counter actions may share. */
  perAccount?: Limit & { counter: string };
  /** Open only to an account with this second-step method on (lib/account/second-factor). */
  requiresMethod?: "email-code";
  /**
   * Open to a session whose account is scheduled for deletion. Nothing else is: during the grace
   * period the account can only be kept (or left to go).
   */
  duringDeletionGrace?: true;
};

const BASE = "/api/auth";

const betterAuth = (method: Method, path: string, rest: Omit<Endpoint, "method" | "path" | "by"> = { openapi: false }): Endpoint => ({
  method,
  path: `${BASE}${path}`,
  by: "better-auth",
  ...rest,
});
const route = (method: Method, path: string, rest: Omit<Endpoint, "method" | "path" | "by">): Endpoint => ({ method, path, by: "route", ...rest });

// better-auth checks callback URLs against the app's origin itself; this only bounds their size.
const callbackURL = z.string().max(2048).optional();
const password = confirmPasswordSchema.shape.password;
const ME = `${BASE}/users/me`;

// better-auth's default limits for what it protects, kept as ours: three attempts per ten seconds,
// three mails per minute.
const ATTEMPTS: Limit = { max: 3, windowSeconds: 10 };
const MAILS: Limit = { max: 3, windowSeconds: 60 };
// Codes by email, however asked for: a mailbox is not flooded, and a code cannot be fished for at length.
const EMAIL_CODES = { max: 5, windowSeconds: 15 * 60, counter: "email-codes" };

export const ACTIONS = {
  "sign-up": {
    title: "Create an account",
    proof: "none",
    limit: ATTEMPTS,
    mail: "a verification link; to an address that has an account already, a notice instead",
    endpoints: [
      betterAuth("POST", "/sign-up/email", {
        body: z.strictObject({ name: nameSchema, email: emailSchema, password: newPasswordSchema, callbackURL, rememberMe: z.boolean().optional() }),
        openapi: false,
      }),
    ],
  },
  "verification.resend": {
    title: "Send the verification link again",
    proof: "none",
    limit: MAILS,
    mail: "a verification link",
    endpoints: [betterAuth("POST", "/send-verification-email", { body: z.strictObject({ email: emailSchema, callbackURL }), openapi: false })],
  },
  "email.verify": {
    title: "Open a verification link (new account, or new address)",
    proof: "mailed-link",
    outcomes: ["sign_in", "email_changed"],
    mail: "after a change of address, a notice to the old address",
    endpoints: [betterAuth("GET", "/verify-email")],
  },
  "sign-in.password": {
    title: "Sign in with email and password",
    proof: "none",
    limit: ATTEMPTS,
    outcomes: ["sign_in"],
    mail: "a notice when the browser has not signed in to the account in 90 days",
    endpoints: [
      betterAuth("POST", "/sign-in/email", {
        body: z.strictObject({ ...signInSchema.shape, callbackURL, rememberMe: z.boolean().optional() }),
        openapi: {
          summary: "Sign in with email and password",
          description:
            "Answers with the `set-auth-token` header: the bearer token for the endpoints below. With two-factor on, the answer is " +
            "`{ \"twoFactorRedirect\": true }` and no token; finish at `/two-factor` in a browser.",
          success: { status: 200, description: "Signed in.", headers: { "set-auth-token": "The bearer token." } },
          errors: { 401: "INVALID_EMAIL_OR_PASSWORD.", 403: "EMAIL_NOT_VERIFIED: a new verification link is on its way." },
        },
      }),
    ],
  },
  "sign-in.provider": {
    title: "Sign in with a provider (GitHub, Google, OpenID Connect)",
    proof: "none",
    limit: ATTEMPTS,
    outcomes: ["sign_in"],
    mail: "a notice when the browser has not signed in to the account in 90 days",
    endpoints: [
      betterAuth("POST", "/sign-in/social", {
        body: z.strictObject({ provider: z.string().min(1).max(64), callbackURL, errorCallbackURL: callbackURL, newUserCallbackURL: callbackURL, disableRedirect: z.boolean().optional() }),
        openapi: false,
      }),
      // The provider's answer, for signing in and for linking alike.
      betterAuth("GET", "/callback/:id"),
      betterAuth("POST", "/callback/:id"),
    ],
  },
  "sign-in.second-step": {
    title: "Finish signing in with an authenticator code or a backup code (and trust the device for 30 days); turn two-factor on with the first code",
    proof: "second-step",
    limit: ATTEMPTS,
    outcomes: ["sign_in", "second_step_failed", "backup_code_used", "two_factor_enabled", "device_trusted"],
    mail: "a notice when a backup code is used, and when two-factor comes on",
    endpoints: [
      betterAuth("POST", "/two-factor/verify-totp", {
        body: z.strictObject({ code: totpCodeSchema, trustDevice: z.boolean().optional() }),
        openapi: {
          summary: "Verify an authenticator code",
          description: "Signed in, after `POST /api/auth/two-factor/enable`: the first code turns two-factor on (the session is replaced; `set-auth-token` carries the new token).",
          success: { status: 200, description: "The code was right." },
          errors: { 401: "INVALID_CODE or CODE_ALREADY_USED (each code is accepted once)." },
        },
      }),
      betterAuth("POST", "/two-factor/verify-backup-code", { body: z.strictObject({ code: backupCodeSchema, trustDevice: z.boolean().optional() }), openapi: false }),
    ],
  },
  "sign-in.email-code.send": {
    title: "Mail a one-time code to finish signing in",
    proof: "sign-in-challenge",
    limit: MAILS,
    perAccount: EMAIL_CODES,
    requiresMethod: "email-code",
    event: "email_code_sent",
    mail: "the code: six digits, once, for five minutes",
    endpoints: [betterAuth("POST", "/two-factor/send-otp", { body: z.strictObject({ trustDevice: z.boolean().optional() }), openapi: false })],
  },
  "sign-in.email-code": {
    title: "Finish signing in with the code mailed to the address (and trust the device for 30 days)",
    proof: "sign-in-challenge",
    limit: ATTEMPTS,
    requiresMethod: "email-code",
    outcomes: ["sign_in", "second_step_failed", "device_trusted"],
    endpoints: [betterAuth("POST", "/two-factor/verify-otp", { body: z.strictObject({ code: emailCodeSchema, trustDevice: z.boolean().optional() }), openapi: false })],
  },
  "sign-in.passkey": {
    title: "Sign in with a passkey, which stands for the password and the code together",
    proof: "none",
    // Each visit to the sign-in page asks for a challenge (the browser's passkey autofill).
    limit: { max: 20, windowSeconds: 60 },
    outcomes: ["sign_in"],
    mail: "a notice when the browser has not signed in to the account in 90 days",
    endpoints: [
      betterAuth("GET", "/passkey/generate-authenticate-options"),
      betterAuth("POST", "/passkey/verify-authentication", { body: z.strictObject({ response: passkeyAssertionSchema }), openapi: false }),
    ],
  },
  "session.read": {
    title: "Read the session",
    proof: "none",
    endpoints: [betterAuth("GET", "/get-session")],
  },
  "sign-out": {
    title: "Sign out this device",
    proof: "session",
    duringDeletionGrace: true,
    endpoints: [
      betterAuth("POST", "/sign-out", {
        body: z.strictObject({}),
        openapi: { summary: "Sign out: the session (and its bearer token) ends", success: { status: 200, description: "Signed out." } },
      }),
    ],
  },
  "password.reset-request": {
    title: "Ask for a password-reset link",
    proof: "none",
    limit: MAILS,
    mail: "a reset link, valid one hour (nothing to an address without an account)",
    endpoints: [betterAuth("POST", "/request-password-reset", { body: z.strictObject({ email: emailSchema, redirectTo: callbackURL }), openapi: false })],
  },
  "password.reset": {
    title: "Choose a new password from a reset link",
    proof: "mailed-link",
    limit: { max: 10, windowSeconds: 60 },
    event: "password_changed",
    mail: "a notice that the password was changed",
    endpoints: [
      betterAuth("GET", "/reset-password/:token"),
      betterAuth("POST", "/reset-password", { body: z.strictObject({ newPassword: newPasswordSchema, token: z.string().min(1).max(256) }), openapi: false }),
    ],
  },
  "profile.read": {
    title: "Read the profile",
    proof: "session",
    apiKeyScope: "read",
    endpoints: [
      route("GET", ME, {
        openapi: { summary: "The signed-in person's profile", success: { status: 200, description: "The profile.", schema: responses.profileSchema } },
      }),
    ],
  },
  "profile.update": {
    title: "Change the name",
    proof: "session",
    apiKeyScope: "manage",
    endpoints: [
      betterAuth("POST", "/update-user", { body: z.strictObject({ name: z.optional(nameSchema), image: imageUpdateSchema }), openapi: false }),
      route("PUT", ME, {
        body: z.strictObject(updateNameSchema.shape),
        openapi: {
          summary: "Update the editable fields of the profile (name)",
          success: { status: 200, description: "The updated profile.", schema: responses.profileSchema },
        },
      }),
    ],
  },
  "avatar.upload": {
    title: "Upload a profile picture",
    proof: "session",
    apiKeyScope: "manage",
    limit: { max: 10, windowSeconds: 60 },
    endpoints: [
      route("PUT", `${ME}/avatar`, {
        upload: { maxBytes: AVATAR_MAX_BYTES, types: AVATAR_TYPES, tooLarge: AVATAR_TOO_LARGE },
        openapi: {
          summary: "Upload a profile picture",
          description: `The image itself as the body, at most ${AVATAR_MAX_BYTES / 1024 / 1024} MB. It is re-encoded to a 256 px WebP without metadata.`,
          success: { status: 200, description: "Stored.", schema: responses.avatarSchema },
          errors: { 413: "More than 2 MB, or more than 24 megapixels (PAYLOAD_TOO_LARGE).", 415: "Not a PNG, JPEG, WebP or GIF image, judged by its bytes (UNSUPPORTED_MEDIA_TYPE)." },
        },
      }),
    ],
  },
  "avatar.remove": {
    title: "Remove the profile picture",
    proof: "session",
    apiKeyScope: "manage",
    endpoints: [route("DELETE", `${ME}/avatar`, { openapi: { summary: "Remove the profile picture", success: { status: 204, description: "Removed." } } })],
  },
  "email.change": {
    title: "Change the email address",
    proof: "recent-sign-in",
    limit: ATTEMPTS,
    event: "email_change_requested",
    mail: "a confirmation link to the new address (none when it belongs to someone else); the old address is told once it is done",
    endpoints: [
      betterAuth("POST", "/change-email", { body: z.strictObject({ newEmail: emailSchema, callbackURL }), openapi: false }),
      route("PUT", `${ME}/email`, {
        body: z.strictObject(changeEmailSchema.shape),
        openapi: {
          summary: "Start a change of email address",
          description: "Mails a link to the new address; the address changes when it is opened. An address that belongs to someone else gets the same answer, and no mail.",
          success: { status: 202, description: "The link is on its way.", schema: responses.emailChangeStartedSchema },
        },
      }),
    ],
  },
  "email.undo": {
    title: "Undo a change of email address from the link mailed to the old address",
    proof: "mailed-link",
    limit: { max: 10, windowSeconds: 60 },
    event: "email_change_undone",
    mail: "a password-reset link to the address put back",
    endpoints: [route("POST", `${BASE}/email-change/undo`, { body: z.strictObject({ token: z.string().min(1).max(256) }), openapi: false })],
  },
  "email.cancel": {
    title: "Cancel a pending change of email address",
    proof: "session",
    apiKeyScope: "manage",
    endpoints: [
      route("DELETE", `${ME}/email`, {
        openapi: { summary: "Cancel the pending change of address: its link stops working", success: { status: 204, description: "Cancelled." }, errors: { 404: "No change is pending (NOT_FOUND)." } },
      }),
    ],
  },
  "password.change": {
    title: "Change the password",
    proof: "recent-sign-in",
    limit: ATTEMPTS,
    event: "password_changed",
    mail: "a notice, saying whether other devices were signed out",
    endpoints: [
      betterAuth("POST", "/change-password", {
        body: z.strictObject({ currentPassword: password, newPassword: newPasswordSchema, revokeOtherSessions: z.boolean().optional() }),
        openapi: false,
      }),
      route("PUT", `${ME}/password`, {
        body: z.strictObject({ ...changePasswordRequestSchema.shape, newPassword: newPasswordSchema }),
        openapi: {
          summary: "Change the password",
          description:
            "The current password is checked as well. With `revokeOtherSessions`, every session ends and a new one replaces the caller's: its token is in the answer.",
          success: { status: 200, description: "Changed.", schema: responses.passwordChangedSchema },
          errors: { 403: "INVALID_PASSWORD: the current password is wrong." },
        },
      }),
    ],
  },
  "step-up": {
    title: "Confirm it's you (step-up)",
    proof: "session",
    limit: ATTEMPTS,
    failures: { max: 5, windowSeconds: 15 * 60, event: "step_up_failed" },
    endpoints: [
      route("POST", `${ME}/step-up`, {
        body: stepUpRequestSchema,
        openapi: {
          summary: "Trade the password (and a code when two-factor is on), or a passkey, for a step-up token",
          description:
            "With a passkey: ask `POST /api/auth/users/me/step-up/passkey-options` for a challenge, have the authenticator sign it " +
            "(`navigator.credentials.get`, user verification required), and send its answer as `passkey`.",
          success: { status: 200, description: "The token, also set as an HttpOnly cookie for the pages.", schema: responses.stepUpTokenSchema },
          errors: {
            400: "OTP_HAS_EXPIRED: with `codeMethod: \"email\"`, no code is waiting (none was sent, it was used, or its five minutes are up).",
            403: "INVALID_PASSWORD, INVALID_CODE or CODE_ALREADY_USED (each authenticator code is accepted once).",
            409: "PASSWORD_NOT_SET: the account signs in only through a provider.",
          },
        },
      }),
      route("POST", `${ME}/step-up/passkey-options`, {
        openapi: {
          summary: "A challenge for step-up with a passkey: one answer, within five minutes, from this session",
          success: { status: 200, description: "WebAuthn request options for `navigator.credentials.get`.", schema: responses.passkeyOptionsSchema },
          errors: { 404: "The account has no passkey (NOT_FOUND)." },
        },
      }),
    ],
  },
  "step-up.email-code": {
    title: "Mail a one-time code to confirm it's you",
    proof: "session",
    limit: MAILS,
    perAccount: EMAIL_CODES,
    requiresMethod: "email-code",
    event: "email_code_sent",
    mail: "the code: six digits, once, for five minutes",
    endpoints: [
      route("POST", `${ME}/step-up/email-code`, {
        openapi: {
          summary: "Mail a code for step-up: send it as `code` with `codeMethod: \"email\"`, with the password",
          success: { status: 202, description: "The code is on its way to the account's address." },
          errors: { 403: "EMAIL_CODE_OFF: codes by email are not on for this account." },
        },
      }),
    ],
  },
  "passkeys.list": {
    title: "List the passkeys",
    proof: "session",
    apiKeyScope: "read",
    endpoints: [
      route("GET", `${ME}/passkeys`, {
        openapi: { summary: "The person's passkeys, oldest first; never their keys", success: { status: 200, description: "The passkeys.", schema: responses.passkeysSchema } },
      }),
    ],
  },
  "passkey.add": {
    title: "Add a passkey",
    proof: "recent-sign-in",
    limit: ATTEMPTS,
    event: "passkey_added",
    mail: "a notice",
    endpoints: [
      betterAuth("GET", "/passkey/generate-register-options"),
      betterAuth("POST", "/passkey/verify-registration", { body: z.strictObject({ response: passkeyAttestationSchema, name: z.optional(passkeyNameSchema) }), openapi: false }),
    ],
  },
  "passkey.rename": {
    title: "Rename a passkey",
    proof: "session",
    apiKeyScope: "manage",
    limit: { max: 10, windowSeconds: 60 },
    endpoints: [
      route("PUT", `${ME}/passkeys/:id`, {
        params: z.object({ id: recordIdSchema }),
        body: z.strictObject(renamePasskeySchema.shape),
        openapi: {
          summary: "Rename one of the person's passkeys",
          success: { status: 200, description: "The passkey.", schema: responses.passkeySchema },
          errors: { 404: "No such passkey of this person's (NOT_FOUND)." },
        },
      }),
    ],
  },
  "passkey.remove": {
    title: "Remove a passkey",
    proof: "recent-sign-in",
    event: "passkey_removed",
    mail: "a notice",
    endpoints: [
      route("DELETE", `${ME}/passkeys/:id`, {
        params: z.object({ id: recordIdSchema }),
        openapi: {
          summary: "Remove one of the person's passkeys: it no longer signs in or confirms anything",
          success: { status: 204, description: "Removed." },
          errors: { 404: "No such passkey of this person's (NOT_FOUND)." },
        },
      }),
    ],
  },
  "two-factor.enable": {
    title: "Start turning two-factor on (shows the authenticator key once)",
    proof: "recent-sign-in",
    limit: ATTEMPTS,
    endpoints: [
      betterAuth("POST", "/two-factor/enable", {
        body: z.strictObject({ password }),
        openapi: {
          summary: "Start turning two-factor on: the authenticator key and ten backup codes, shown this once",
          description: "Two-factor is on once the first code is verified (`POST /api/auth/two-factor/verify-totp`).",
          success: { status: 200, description: "`{ totpURI, backupCodes }`." },
          errors: { 403: "INVALID_PASSWORD." },
        },
      }),
    ],
  },
  "two-factor.disable": {
    title: "Turn two-factor off",
    proof: "recent-sign-in",
    limit: ATTEMPTS,
    event: "two_factor_disabled",
    mail: "a notice",
    endpoints: [
      betterAuth("POST", "/two-factor/disable", {
        body: z.strictObject({ password }),
        openapi: { summary: "Turn two-factor off", success: { status: 200, description: "Off; the session is replaced." }, errors: { 403: "INVALID_PASSWORD." } },
      }),
    ],
  },
  "two-factor.backup-codes": {
    title: "Replace the backup codes",
    proof: "recent-sign-in",
    limit: ATTEMPTS,
    event: "backup_codes_regenerated",
    endpoints: [
      betterAuth("POST", "/two-factor/generate-backup-codes", {
        body: z.strictObject({ password }),
        openapi: { summary: "Replace the backup codes: ten new ones, shown this once", success: { status: 200, description: "`{ backupCodes }`." }, errors: { 403: "INVALID_PASSWORD." } },
      }),
    ],
  },
  "two-factor.email-code.enable": {
    title: "Turn on codes by email, a second way through two-factor beside the authenticator app",
    proof: "recent-sign-in",
    limit: ATTEMPTS,
    event: "email_code_enabled",
    mail: "a notice",
    endpoints: [
      route("PUT", `${ME}/two-factor/email-code`, {
        openapi: {
          summary: "Turn on codes by email: the second step (and step-up) can take a code mailed to the account's address",
          success: { status: 200, description: "On.", schema: responses.secondFactorSchema },
          errors: { 409: "TWO_FACTOR_OFF: turn two-factor on with an authenticator app first." },
        },
      }),
    ],
  },
  "two-factor.email-code.disable": {
    title: "Turn off codes by email",
    proof: "recent-sign-in",
    limit: ATTEMPTS,
    event: "email_code_disabled",
    mail: "a notice",
    endpoints: [
      route("DELETE", `${ME}/two-factor/email-code`, {
        openapi: { summary: "Turn off codes by email", success: { status: 200, description: "Off.", schema: responses.secondFactorSchema } },
      }),
    ],
  },
  "two-factor.preferred": {
    title: "Choose the method the sign-in's second step opens on",
    proof: "session",
    limit: { max: 10, windowSeconds: 60 },
    endpoints: [
      route("PUT", `${ME}/two-factor/preferred`, {
        body: preferredSecondFactorRequestSchema,
        openapi: {
          summary: "Choose the method the second step opens on: `authenticator`, `email` or `passkey` (the others stay a click away)",
          success: { status: 200, description: "Chosen.", schema: responses.secondFactorSchema },
          errors: { 409: "METHOD_NOT_AVAILABLE: that method is not set up on this account." },
        },
      }),
    ],
  },
  "sessions.list": {
    title: "List the signed-in devices",
    proof: "session",
    apiKeyScope: "read",
    endpoints: [
      route("GET", `${ME}/sessions`, {
        openapi: { summary: "The person's sessions, this one first; never their tokens", success: { status: 200, description: "The sessions.", schema: responses.sessionsSchema } },
      }),
    ],
  },
  "sessions.revoke": {
    title: "Sign out another device",
    proof: "recent-sign-in",
    event: "session_revoked",
    endpoints: [
      route("DELETE", `${ME}/sessions/:id`, {
        params: z.object({ id: recordIdSchema }),
        openapi: {
          summary: "End one of the person's other sessions",
          success: { status: 204, description: "Signed out." },
          errors: { 400: "The id names this session: sign out instead (INVALID_INPUT).", 404: "No such session of this person's (NOT_FOUND)." },
        },
      }),
    ],
  },
  "sessions.revoke-others": {
    title: "Sign out every other device",
    proof: "recent-sign-in",
    event: "session_revoked",
    endpoints: [
      route("DELETE", `${ME}/sessions`, {
        openapi: { summary: "End every session but this one", success: { status: 200, description: "How many ended.", schema: responses.revokedSchema } },
      }),
    ],
  },
  "trusted-devices.list": {
    title: "List the devices trusted to skip the second step",
    proof: "session",
    apiKeyScope: "read",
    endpoints: [
      route("GET", `${ME}/trusted-devices`, {
        openapi: {
          summary: "The devices trusted to skip the two-factor code, most recently used first",
          success: { status: 200, description: "The trusted devices.", schema: responses.trustedDevicesSchema },
        },
      }),
    ],
  },
  // Ending a trust only takes a shortcut away (the device is asked for the code again), so a session
  // is enough, as for "This wasn't me": someone fearing their account is in other hands must not be
  // slowed down.
  "trusted-devices.revoke": {
    title: "Stop trusting a device",
    proof: "session",
    apiKeyScope: "manage",
    event: "trusted_device_revoked",
    endpoints: [
      route("DELETE", `${ME}/trusted-devices/:id`, {
        params: z.object({ id: recordIdSchema }),
        openapi: {
          summary: "Stop trusting one device: it is asked for the code at its next sign-in",
          success: { status: 204, description: "No longer trusted." },
          errors: { 404: "No such trusted device of this person's (NOT_FOUND)." },
        },
      }),
    ],
  },
  "trusted-devices.revoke-all": {
    title: "Stop trusting every device",
    proof: "session",
    apiKeyScope: "manage",
    event: "trusted_device_revoked",
    endpoints: [
      route("DELETE", `${ME}/trusted-devices`, {
        openapi: { summary: "Stop trusting every device, this one too", success: { status: 200, description: "How many were trusted.", schema: responses.revokedSchema } },
      }),
    ],
  },
  "api-keys.list": {
    title: "List the personal API keys",
    proof: "session",
    apiKeyScope: "read",
    endpoints: [
      route("GET", `${ME}/api-keys`, {
        openapi: { summary: "The person's API keys, newest first: name, first characters, scope, dates; never the key", success: { status: 200, description: "The keys.", schema: responses.apiKeysSchema } },
      }),
    ],
  },
  "api-keys.create": {
    title: "Create a personal API key",
    proof: "recent-sign-in",
    limit: { max: 10, windowSeconds: 60 },
    event: "api_key_created",
    mail: "a notice",
    endpoints: [
      route("POST", `${ME}/api-keys`, {
        body: z.strictObject(createApiKeySchema.shape),
        openapi: {
          summary: "Create an API key: read the profile, or manage the account; for 30, 90 or 365 days, or with no expiry (0)",
          description: "The key is in this answer only: it is kept as a hash. Send it as `Authorization: Bearer bastion_…`.",
          success: { status: 201, description: "The new key, shown this once.", schema: responses.createdApiKeySchema },
        },
      }),
    ],
  },
  "api-keys.revoke": {
    title: "Revoke a personal API key",
    proof: "session",
    apiKeyScope: "manage",
    event: "api_key_revoked",
    mail: "a notice",
    endpoints: [
      route("DELETE", `${ME}/api-keys/:id`, {
        params: z.object({ id: recordIdSchema }),
        openapi: { summary: "Revoke one API key: it stops working at once", success: { status: 204, description: "Revoked." }, errors: { 404: "No such key of this person's (NOT_FOUND)." } },
      }),
    ],
  },
  "api-keys.revoke-all": {
    title: "Revoke every personal API key",
    proof: "session",
    apiKeyScope: "manage",
    event: "api_key_revoked",
    mail: "a notice",
    endpoints: [route("DELETE", `${ME}/api-keys`, { openapi: { summary: "Revoke every API key", success: { status: 200, description: "How many there were.", schema: responses.revokedSchema } } })],
  },
  "connections.link": {
    title: "Connect a provider account",
    proof: "recent-sign-in",
    limit: ATTEMPTS,
    outcomes: ["provider_linked"],
    endpoints: [betterAuth("POST", "/link-social", { body: z.strictObject({ provider: z.string().min(1).max(64), callbackURL, errorCallbackURL: callbackURL }), openapi: false })],
  },
  "connections.unlink": {
    title: "Disconnect a provider account",
    proof: "recent-sign-in",
    event: "provider_unlinked",
    endpoints: [
      route("DELETE", `${ME}/connections/:id`, {
        params: z.object({ id: recordIdSchema }),
        openapi: {
          summary: "Disconnect a provider, never the last way to sign in",
          success: { status: 204, description: "Disconnected." },
          errors: { 404: "No such connection of this person's (NOT_FOUND).", 409: "It is the only way left to sign in (CONFLICT)." },
        },
      }),
    ],
  },
  "activity.list": {
    title: "Read the security activity",
    proof: "session",
    apiKeyScope: "read",
    endpoints: [
      route("GET", `${ME}/activity`, {
        query: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }),
        openapi: { summary: "One page of the security activity, newest first", success: { status: 200, description: "Ten entries at most.", schema: responses.activityPageSchema } },
      }),
    ],
  },
  "activity.download": {
    title: "Download the security activity (CSV)",
    proof: "session",
    apiKeyScope: "read",
    limit: { max: 10, windowSeconds: 60 },
    event: "data_exported",
    mail: "a notice",
    endpoints: [
      route("GET", `${ME}/activity/export`, {
        openapi: {
          summary: "The whole security activity (90 days) as CSV, newest first",
          success: { status: 200, description: "`text/csv`, as an attachment." },
        },
      }),
    ],
  },
  "activity.report": {
    title: `Report a sign-in as not you ("This wasn't me")`,
    proof: "session",
    limit: ATTEMPTS,
    event: "sign_in_reported",
    mail: "a password-reset link",
    endpoints: [
      route("POST", `${ME}/activity/:id/report`, {
        params: z.object({ id: recordIdSchema }),
        openapi: {
          summary: "This wasn't me: every session ends (this one too), trusted devices are forgotten, and a reset link is mailed",
          success: { status: 200, description: "Done.", schema: responses.reportedSchema },
          errors: { 404: "No such sign-in of this person's (NOT_FOUND)." },
        },
      }),
    ],
  },
  "account.export": {
    title: "Download my data",
    proof: "recent-sign-in",
    limit: { max: 10, windowSeconds: 60 },
    event: "data_exported",
    mail: "a notice",
    endpoints: [
      route("GET", `${ME}/export`, {
        openapi: {
          summary: "Everything the account holds about the person, as one JSON document",
          description: "Profile, sign-in methods, two-factor state, passkeys, trusted devices, API keys, sessions and the whole security activity; never a password, key, code or token.",
          success: { status: 200, description: "The data, also offered as an attachment.", schema: responses.accountExportSchema },
        },
      }),
    ],
  },
  "account.keep": {
    title: "Keep the account: cancel its scheduled deletion",
    proof: "session",
    duringDeletionGrace: true,
    event: "deletion_cancelled",
    mail: "a notice",
    endpoints: [
      route("DELETE", `${ME}/deletion`, {
        openapi: {
          summary: "Keep the account: the deletion scheduled by the mailed link is off",
          description: "Signing in during the grace period takes every factor, as always; the session is then the proof.",
          success: { status: 204, description: "Kept." },
          errors: { 404: "No deletion is scheduled (NOT_FOUND)." },
        },
      }),
    ],
  },
  "account.delete-request": {
    title: "Ask to delete the account",
    proof: "recent-sign-in",
    limit: MAILS,
    event: "deletion_requested",
    mail: "a confirmation link, valid one hour",
    endpoints: [betterAuth("POST", "/delete-user", { body: z.strictObject({}), openapi: false })],
  },
  "account.delete-confirm": {
    title: "Confirm the deletion from the mailed link: scheduled after the grace period (DELETION_GRACE_DAYS), or at once without one",
    proof: "mailed-link",
    outcomes: ["deletion_scheduled"],
    mail: "the date, and a Keep my account link",
    endpoints: [route("GET", "/account/delete/confirm", { query: z.object({ token: z.string().max(256).default("") }), openapi: false })],
  },
  "account.delete": {
    title: "Delete the account (API): scheduled after the grace period, or at once without one",
    proof: "step-up",
    outcomes: ["deletion_scheduled"],
    mail: "the date, and a Keep my account link",
    endpoints: [
      route("DELETE", ME, {
        openapi: {
          summary: "Delete the account and everything of it, and clear the session cookies",
          description: "With a grace period (DELETION_GRACE_DAYS, 7 by default) the account is scheduled for deletion: every session ends, and signing in before the date and `DELETE /api/auth/users/me/deletion` keep it.",
          success: { status: 202, description: "Scheduled; every session has ended. Without a grace period: 204, deleted.", schema: responses.deletionScheduledSchema },
        },
      }),
    ],
  },
  "accounts.purge": {
    title: "Delete the accounts whose deletion date has come (a scheduler, besides the server's own hourly purge)",
    proof: "scheduler",
    limit: { max: 10, windowSeconds: 60 },
    endpoints: [route("GET", "/api/cron/purge-deletions", { openapi: false })],
  },
} satisfies Record<string, Action>;

export type ActionId = keyof typeof ACTIONS;

/**
 * better-auth endpoints that are not served at all, and why. A plugin or upgrade that adds an endpoint
 * must land it here or in ACTIONS (lib/policy/actions.test.ts walks better-auth's list).
 */
export const REFUSED: Record<string, string> = {
  "POST /api/auth/verify-password": "checks the password without counting wrong answers; step-up is where a session proves the password",
  "POST /api/auth/two-factor/get-totp-uri": "hands out the authenticator key for the password alone",
  "GET /api/auth/list-sessions": "answers with every session's token; ours lists them by id",
  "POST /api/auth/revoke-session": "takes a session token; ours revokes by id, with step-up",
  "POST /api/auth/revoke-sessions": "ours revokes by id, with step-up",
  "POST /api/auth/revoke-other-sessions": "ours revokes by id, with step-up",
  "POST /api/auth/update-session": "nothing in a session is the person's to change",
  "GET /api/auth/passkey/list-user-passkeys": "answers with public keys and credential ids; ours lists passkeys without them",
  "POST /api/auth/passkey/update-passkey": "ours renames by id under /users/me/passkeys",
  "POST /api/auth/passkey/delete-passkey": "ours removes by id, with step-up",
  "POST /api/auth/api-key/create": "ours creates keys under /users/me/api-keys, with step-up and a scope",
  "GET /api/auth/api-key/get": "ours lists keys under /users/me/api-keys",
  "GET /api/auth/api-key/list": "ours lists keys under /users/me/api-keys",
  "POST /api/auth/api-key/update": "a key's scope and expiry are set when it is made; make a new one instead",
  "POST /api/auth/api-key/delete": "ours revokes by id under /users/me/api-keys",
  "GET /api/auth/list-accounts": "the profile lists connections without provider tokens",
  "POST /api/auth/unlink-account": "checks and deletes in two statements, so two requests can race past the last way in; ours is one",
  "GET /api/auth/account-info": "provider data is not handed out",
  "POST /api/auth/refresh-token": "provider tokens are not handed out",
  "POST /api/auth/get-access-token": "provider tokens are not handed out",
  "GET /api/auth/delete-user/callback": "the mailed link goes through /account/delete/confirm",
  "POST /api/auth/get-session": "the session is read with GET",
  "GET /api/auth/ok": "GET /api/health answers for the app, its database and its Redis",
  "GET /api/auth/error": "errors land on our own pages",
};
