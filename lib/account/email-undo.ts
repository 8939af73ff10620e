import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { RequestDevice } from "@/lib/request-device";
import { recordSecurityEvent } from "./activity";
import { endEveryWayIn } from "./lock-out";
import { refreshSessionCopies } from "./session-store";

/**
 * "This wasn't me — undo" in the mail that tells the old address its account moved to a new one.
 * Someone holding a session could change the address and then reset the password from their own
 * mailbox: the link gives the old address the account back, for seven days, once. Only a hash of
 * the link's token is stored.
 */

export const UNDO_EMAIL_CHANGE_PATH = "/undo-email-change";
const UNDO_FOR_MS = 7 * 24 * 60 * 60 * 1000;
const PREFIX = "email-change-undo:";

const undoValue = z.object({ userId: z.string(), oldEmail: z.string(), newEmail: z.string(), changedAt: z.iso.datetime() });
export type EmailChangeUndo = z.infer<typeof undoValue>;

const identifierOf = (token: string) => `${PREFIX}${createHash("sha256").update(token).digest("base64url")}`;

/** Every undo link of the person's (each keeps the user id in its value). */
export const undoLinksOf = (userId: string) => ({ identifier: { startsWith: PREFIX }, value: { contains: `"userId":${JSON.stringify(userId)}` } });

/** A link for the old address, kept seven days; the token itself is only in the mail. */
export async function issueEmailChangeUndo(change: Omit<EmailChangeUndo, "changedAt">): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const value = JSON.stringify({ ...change, changedAt: new Date().toISOString() } satisfies EmailChangeUndo);
  await db.verification.create({ data: { id: randomUUID(), identifier: identifierOf(token), value, expiresAt: new Date(Date.now() + UNDO_FOR_MS) } });
  return `${env.BETTER_AUTH_URL}${UNDO_EMAIL_CHANGE_PATH}?token=${encodeURIComponent(token)}`;
}

const parse = (value: string): EmailChangeUndo | null => {
  try {
    return undoValue.parse(JSON.parse(value));
  } catch {
    return null;
  }
};

/** What a link would undo, while it can: for the page that asks "undo this?". */
export async function findEmailChangeUndo(token: string): Promise<EmailChangeUndo | null> {
  if (!token) return null;
  const row = await db.verification.findFirst({ where: { identifier: identifierOf(token), expiresAt: { gt: new Date() } }, select: { value: true } });
  return row ? parse(row.value) : null;
}

export type UndoOutcome = { outcome: "undone"; email: string } | { outcome: "invalid" | "address-taken" };

/**
 * Puts the old address back, ends every way in (lib/account/lock-out), and mails a reset link to
 * the old address (the password may be known to whoever made the change). The link is used up here,
 * and so is every undo link from a later change: one the new address's holder got must not take the
 * account back from its owner.
 */
export async function undoEmailChange(token: string, device: RequestDevice): Promise<UndoOutcome> {
  const identifier = identifierOf(token);
  const row = await db.verification.findFirst({ where: { identifier, expiresAt: { gt: new Date() } }, select: { value: true, createdAt: true } });
  const undo = row && parse(row.value);
  if (!undo) return { outcome: "invalid" };
  const taken = await db.user.findFirst({ where: { email: undo.oldEmail, id: { not: undo.userId } }, select: { id: true } });
  if (taken) return { outcome: "address-taken" };
  // Of two requests racing with one link, one deletes it; only that one goes on.
  const { count } = await db.verification.deleteMany({ where: { identifier, expiresAt: { gt: new Date() } } });
  if (count === 0) return { outcome: "invalid" };
  const user = await db.user.findUnique({ where: { id: undo.userId }, select: { email: true } });
  if (!user) return { outcome: "invalid" };

  await db.$transaction([
    db.user.update({ where: { id: undo.userId }, data: { email: undo.oldEmail, emailVerified: true, pendingEmail: null, pendingEmailExpiresAt: null } }),
    // Links from later changes go too; links from earlier ones stay, or an intruder who changed the
    // address twice could void the owner's link with the one their own mailbox got.
    db.verification.deleteMany({ where: { ...undoLinksOf(undo.userId), createdAt: { gte: row.createdAt } } }),
  ]);
  await refreshSessionCopies(undo.userId);
  await endEveryWayIn(undo.userId);
  await recordSecurityEvent({ userId: undo.userId, type: "email_change_undone", device, detail: `${user.email} → ${undo.oldEmail}` });
  // Imported here: lib/auth uses the module that issues these links.
  const { auth } = await import("@/lib/auth");
  await auth.api.requestPasswordReset({ body: { email: undo.oldEmail, redirectTo: "/reset-password" } });
  return { outcome: "undone", email: undo.oldEmail };
}
