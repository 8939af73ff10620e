import "server-only";
import type { createAuthMiddleware } from "better-auth/api";
import type { FindSession } from "@/lib/policy/check";
import { relation } from "@/lib/relations";
import { hashedBackupCodes } from "./backup-codes";

export type TwoFactorStatus = { enabled: boolean; backupCodesLeft: number };

/** The person's two-factor row's stored backup codes (better-auth keeps one row a person). */
export const backupCodesRelation = relation({ model: "TwoFactor", table: "twoFactor", owner: "userId", columns: { id: true, backupCodes: true }, orderBy: [["id", "ASC"]] });

/** From the user's two-factor flag (the session has it) and their two-factor row's stored codes. */
export async function twoFactorStatus(enabled: boolean | null | undefined, row: { backupCodes: string } | undefined): Promise<TwoFactorStatus> {
  if (!enabled || !row) return { enabled: Boolean(enabled), backupCodesLeft: 0 };
  const codes = JSON.parse(await hashedBackupCodes.decrypt(row.backupCodes)) as string[];
  return { enabled: true, backupCodesLeft: codes.length };
}

type EndpointContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** Whom a sign-in halfway through belongs to: better-auth knows them by its signed two_factor cookie. */
export async function pendingSignInUserId(ctx: Pick<EndpointContext, "context" | "getSignedCookie">): Promise<string | null> {
  const cookie = ctx.context.createAuthCookie("two_factor");
  const identifier = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!identifier) return null;
  return (await ctx.context.internalAdapter.findVerificationValue(identifier))?.value ?? null;
}

/**
 * Whom a /two-factor/* request is for: someone signed in (enabling two-factor, step-up), or someone
 * halfway through signing in.
 */
export async function twoFactorSubject(ctx: EndpointContext, findSession: FindSession): Promise<{ userId: string; signingIn: boolean } | null> {
  const session = ctx.headers ? await findSession(ctx.headers) : null;
  if (session) return { userId: session.user.id, signingIn: false };
  const userId = await pendingSignInUserId(ctx);
  return userId ? { userId, signingIn: true } : null;
}
