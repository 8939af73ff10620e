import "server-only";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { jwtVerify } from "jose";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { emailChangedMail } from "@/lib/mail/templates";
import { safeNextPath } from "@/lib/redirect";
import { requestDevice } from "@/lib/request-device";
import { eventFacts, recordSecurityEvent } from "./activity";
import { issueEmailChangeUndo } from "./email-undo";
import { refreshSessionCopies } from "./session-store";

// better-auth's change-email links are stateless tokens; the user row keeps the state they lack, so
// the profile can show what is pending and Cancel really cancels.
const PENDING_FOR_MS = 60 * 60 * 1000;

export type PendingEmailChange = { newEmail: string; expiresAt: Date };

/** The pending change of a user row (the session's user has these fields), while it lasts. */
export function pendingEmailChangeOf(user: { pendingEmail?: string | null; pendingEmailExpiresAt?: Date | string | null }): PendingEmailChange | null {
  if (!user.pendingEmail || !user.pendingEmailExpiresAt) return null;
  const expiresAt = new Date(user.pendingEmailExpiresAt);
  return expiresAt.getTime() > Date.now() ? { newEmail: user.pendingEmail, expiresAt } : null;
}

export async function getPendingEmailChange(userId: string): Promise<PendingEmailChange | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { pendingEmail: true, pendingEmailExpiresAt: true } });
  return user && pendingEmailChangeOf(user);
}

/** Replaces any earlier pending change: only the newest address can be confirmed. */
export async function recordPendingEmailChange(userId: string, newEmail: string) {
  await db.user.update({ where: { id: userId }, data: { pendingEmail: newEmail, pendingEmailExpiresAt: new Date(Date.now() + PENDING_FOR_MS) } });
  await refreshSessionCopies(userId);
}

/** Returns whether there was a pending change to cancel. */
export async function cancelPendingEmailChange(userId: string): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, pendingEmail: { not: null } },
    data: { pendingEmail: null, pendingEmailExpiresAt: null },
  });
  if (count > 0) await refreshSessionCopies(userId);
  return count > 0;
}

export type EmailChangeToken = { userId: string; oldEmail: string; newEmail: string };

/**
 * A better-auth verification token, when it is a change-email link that better-auth itself signed,
 * as better-auth checks it (HS256 with the app secret). Anything else is not ours to read.
 */
export async function readEmailChangeToken(token: unknown, secret: string): Promise<EmailChangeToken | null> {
  if (typeof token !== "string") return null;
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ["HS256"] });
    if (payload.requestType !== "change-email-verification") return null;
    const { userId, email, updateTo } = payload;
    if (typeof userId !== "string" || typeof email !== "string" || typeof updateTo !== "string") return null;
    return { userId, oldEmail: email, newEmail: updateTo };
  } catch {
    return null;
  }
}

/** Where a refused link lands: the page it asked for, if that is on this site, saying the link did not work. */
function invalidLinkTarget(callbackURL: unknown): string {
  const target = new URL(safeNextPath(typeof callbackURL === "string" ? callbackURL : null, "/verify-email"), env.BETTER_AUTH_URL);
  target.searchParams.set("error", "INVALID_TOKEN");
  return `${target.pathname}${target.search}`;
}

/**
 * better-auth's change-email links are stateless; this plugin gives them the state they lack. A link
 * works only while its change is pending (Cancel means cancelled), it never leads off the site, and once the address has really
 * changed, the pending state ends and the old address is told, with a link that undoes it (lib/account/email-undo).
 */
export function emailChangeFlow() {
  return {
    id: "bastion-email-change",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/verify-email",
          handler: createAuthMiddleware(async (ctx) => {
            // better-auth resolves dot segments in a relative callbackURL ("/a/..//evil.example/" becomes
            // "//evil.example/", another host) after checking it: every link lands on a path of ours.
            const callbackURL = ctx.query?.callbackURL === undefined ? undefined : safeNextPath(String(ctx.query.callbackURL), "/verify-email");
            const query = { ...ctx.query, ...(callbackURL ? { callbackURL } : {}) };
            const change = await readEmailChangeToken(ctx.query?.token, ctx.context.secret);
            if (!change || (await getPendingEmailChange(change.userId))?.newEmail === change.newEmail) return { context: { query } };
            // Answer the way better-auth answers any unusable link.
            if (callbackURL) throw ctx.redirect(invalidLinkTarget(callbackURL));
            throw new APIError("UNAUTHORIZED", { code: "INVALID_TOKEN", message: "Invalid token" });
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === "/change-email" || ctx.path === "/verify-email",
          handler: createAuthMiddleware(async (ctx) => {
            if (ctx.path === "/change-email") {
              // Recorded whether or not the address belongs to someone else: the answer must not tell.
              if (!isAPIError(ctx.context.returned) && ctx.context.session) await recordPendingEmailChange(ctx.context.session.user.id, (ctx.body as { newEmail: string }).newEmail);
              return;
            }
            const change = await readEmailChangeToken(ctx.query?.token, ctx.context.secret);
            if (!change) return;
            const user = await db.user.findUnique({ where: { id: change.userId }, select: { email: true, name: true } });
            if (user?.email !== change.newEmail) return;
            await cancelPendingEmailChange(change.userId);
            const device = requestDevice(ctx.headers);
            await recordSecurityEvent({ userId: change.userId, type: "email_changed", device, detail: change.newEmail });
            const undoUrl = await issueEmailChangeUndo({ userId: change.userId, oldEmail: change.oldEmail, newEmail: change.newEmail });
            await sendMail(change.oldEmail, emailChangedMail(env.APP_NAME, user.name, change.newEmail, undoUrl, await eventFacts(device)));
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
