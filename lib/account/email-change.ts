import "server-only";
import { decodeJwt } from "jose";
import { db } from "@/lib/db";

// better-auth's change-email links are stateless tokens; this row is the state they lack, so the
// profile can show what is pending and Cancel really cancels.
const identifierFor = (userId: string) => `email-change:${userId}`;
const PENDING_FOR_MS = 60 * 60 * 1000;

export type PendingEmailChange = { newEmail: string; expiresAt: Date };

export async function getPendingEmailChange(userId: string): Promise<PendingEmailChange | null> {
  const row = await db.verification.findFirst({
    where: { identifier: identifierFor(userId), expiresAt: { gt: new Date() } },
    select: { value: true, expiresAt: true },
  });
  return row && { newEmail: row.value, expiresAt: row.expiresAt };
}

/** Replaces any earlier pending change: only the newest address can be confirmed. */
export async function recordPendingEmailChange(userId: string, newEmail: string) {
  await db.$transaction([
    db.verification.deleteMany({ where: { identifier: identifierFor(userId) } }),
    db.verification.create({
      data: {
        id: crypto.randomUUID(),
        identifier: identifierFor(userId),
        value: newEmail,
        expiresAt: new Date(Date.now() + PENDING_FOR_MS),
      },
    }),
  ]);
}

/** Returns whether there was a pending change to cancel. */
export async function cancelPendingEmailChange(userId: string): Promise<boolean> {
  const { count } = await db.verification.deleteMany({ where: { identifier: identifierFor(userId) } });
  return count > 0;
}

export type EmailChangeToken = { userId: string; oldEmail: string; newEmail: string };

/**
 * Reads a better-auth verification token when it is a change-email link. Reading is not trusting:
 * better-auth checks the signature and expiry itself before it acts on the token.
 */
export function readEmailChangeToken(token: unknown): EmailChangeToken | null {
  if (typeof token !== "string") return null;
  try {
    const payload = decodeJwt(token);
    if (payload.requestType !== "change-email-verification") return null;
    const { userId, email, updateTo } = payload;
    if (typeof userId !== "string" || typeof email !== "string" || typeof updateTo !== "string") return null;
    return { userId, oldEmail: email, newEmail: updateTo };
  } catch {
    return null;
  }
}
