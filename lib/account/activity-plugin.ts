import "server-only";
import { defineRequestState } from "@better-auth/core/context";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import type { FindSession } from "@/lib/policy/check";
import { findBetterAuthAction } from "@/lib/policy/match";
import { requestDevice } from "@/lib/request-device";
import { moveSignInToSession, recordSecurityEvent, recordSignIn } from "./activity";
import { twoFactorSubject } from "./two-factor";

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

// Set before /two-factor/verify-totp runs when a signed-in person without two-factor sends a code:
// that request is the one that turns two-factor on.
const enablingTwoFactor = defineRequestState<{ userId: string; sessionId: string } | null>(() => null);

// Paths that end with a signed-in person when they succeed and start a session.
const SIGN_IN_PATHS = ["/sign-in/", "/callback/", "/oauth2/callback/", "/two-factor/verify-", "/verify-email", "/passkey/verify-authentication"];

// What a sign-in's entry says about how it was finished, where that is not the authenticator app.
const SIGN_IN_HOW: Record<string, string> = { "/passkey/verify-authentication": "With a passkey", "/two-factor/verify-otp": "With a code sent by email" };

/** The event a successful request to one of better-auth's endpoints records, as the action table says. */
const tableEvent = (path: string) => findBetterAuthAction(path)?.action.event;
// Whom it is recorded for: the session's user, or, on the sign-in's challenge, the one signing in.
const signingIn = (path: string) => findBetterAuthAction(path)?.action.proof === "sign-in-challenge";

// What an event's entry and mail say beyond its title, where the request decides it.
const DETAILS: Record<string, (body: Record<string, unknown>, returned: Record<string, unknown>) => string | undefined> = {
  "/change-password": (body) => (body.revokeOtherSessions ? "Other devices were signed out" : "Devices that were signed in stay signed in"),
  "/change-email": (body) => (typeof body.newEmail === "string" ? body.newEmail : undefined),
  "/passkey/verify-registration": (_, passkey) => (typeof passkey.name === "string" ? passkey.name : undefined),
  "/two-factor/send-otp": () => "To finish signing in",
};

/** Whether a request to this path can be a security event: most requests (get-session) are not. */
const mayRecord = (path: string) => SIGN_IN_PATHS.some((prefix) => path.startsWith(prefix)) || tableEvent(path) !== undefined;

async function recordOutcome(ctx: HookContext, findSession: FindSession) {
  const sessionUserId = async () => ctx.context.session?.user.id ?? (ctx.headers ? (await findSession(ctx.headers))?.user.id : null) ?? null;
  const path = ctx.path ?? "";
  // better-auth answers some successes with a redirect, which it throws as an APIError.
  const { returned } = ctx.context;
  const failed = isAPIError(returned) && returned.statusCode >= 400;
  const device = requestDevice(ctx.headers);
  const newSession = ctx.context.newSession;

  if (path.startsWith("/two-factor/verify-")) {
    if (failed) {
      const subject = await twoFactorSubject(ctx, findSession);
      if (subject?.signingIn) await recordSecurityEvent({ userId: subject.userId, type: "second_step_failed", device, detail: "Wrong code" });
      return;
    }
    const enabling = await enablingTwoFactor.get();
    if (enabling) {
      await recordSecurityEvent({ userId: enabling.userId, type: "two_factor_enabled", device });
      // better-auth replaces the session when two-factor comes on: the same sign-in, under a new id.
      if (newSession) await moveSignInToSession(enabling.sessionId, newSession.session.id);
      return;
    }
    if (path === "/two-factor/verify-backup-code") {
      const userId = newSession?.user.id ?? (await sessionUserId());
      if (userId) await recordSecurityEvent({ userId, type: "backup_code_used", device });
    }
  }

  // After the second step's own events: the sign-in is what it completed. A session written again on
  // an existing sign-in (after an email change, say) is not a new one.
  if (!failed && newSession && SIGN_IN_PATHS.some((prefix) => path.startsWith(prefix))) {
    const how = SIGN_IN_HOW[path];
    if (Date.now() - new Date(newSession.session.createdAt).getTime() < 60_000) await recordSignIn(newSession.user.id, newSession.session, how);
  }
  if (path.startsWith("/two-factor/verify-")) return;

  const type = tableEvent(path);
  if (!type || failed) return;
  // Changing the password with "sign out other devices" replaces the caller's session too.
  const before = ctx.context.session?.session.id;
  if (path === "/change-password" && newSession && before && before !== newSession.session.id) await moveSignInToSession(before, newSession.session.id);
  // With the mailed token, /delete-user is the deletion itself: nobody is left to record it for.
  if (path === "/delete-user" && (ctx.body as { token?: unknown } | undefined)?.token) return;
  const userId = signingIn(path) ? (await twoFactorSubject(ctx, findSession))?.userId : await sessionUserId();
  const answer = (returned && typeof returned === "object" ? returned : {}) as Record<string, unknown>;
  if (userId) await recordSecurityEvent({ userId, type, device, detail: DETAILS[path]?.((ctx.body ?? {}) as Record<string, unknown>, answer) });
}

/**
 * Records the account's security activity from better-auth's endpoints (lib/account/activity). A
 * plugin rather than an options hook because plugin hooks run after the options' hooks, in plugin
 * order: listed after twoFactor, this sees a password sign-in only once two-factor has decided it is
 * not finished yet.
 */
export function securityActivity({ findSession }: { findSession: FindSession }) {
  return {
    id: "bastion-security-activity",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/two-factor/verify-totp",
          handler: createAuthMiddleware(async (ctx) => {
            const session = ctx.headers ? await findSession(ctx.headers) : null;
            if (session && !session.user.twoFactorEnabled) await enablingTwoFactor.set({ userId: session.user.id, sessionId: session.session.id });
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => mayRecord(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            // The action has happened by now: a failure to record it must not answer as if it had not.
            await recordOutcome(ctx, findSession).catch((error: unknown) => {
              console.error(`[security] could not record the outcome of ${ctx.path}:`, error instanceof Error ? error.message : error);
            });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
