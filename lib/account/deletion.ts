import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { deletionScheduledMail } from "@/lib/mail/templates";
import type { RequestDevice } from "@/lib/request-device";
import { eventFacts, recordSecurityEvent } from "./activity";
import { undoLinksOf } from "./email-undo";
import { endAllSessions, refreshSessionCopies } from "./session-store";
import { endEveryWayIn } from "./lock-out";

/**
 * Removes a person and everything that is theirs in one transaction: all of it goes, or none of it.
 * Each table is named rather than left to foreign-key cascades, so the result does not depend on
 * whether the database enforces them.
 */
export async function deleteAccountData(userId: string, { dueBy }: { dueBy?: Date } = {}) {
  await db.$transaction([
    db.session.deleteMany({ where: { userId } }),
    db.account.deleteMany({ where: { userId } }),
    db.twoFactor.deleteMany({ where: { userId } }),
    db.avatar.deleteMany({ where: { userId } }),
    db.passkey.deleteMany({ where: { userId } }),
    db.trustedDevice.deleteMany({ where: { userId } }),
    db.apikey.deleteMany({ where: { referenceId: userId } }),
    db.securityEvent.deleteMany({ where: { userId } }),
    // Pending reset and deletion links and trusts keep the user id as their value; undo links keep it
    // in theirs (lib/account/email-undo).
    db.verification.deleteMany({ where: { value: userId } }),
    db.verification.deleteMany({ where: undoLinksOf(userId) }),
    // For the purge, the user row goes only if its date has still come when the transaction reaches
    // it: a Keep my account committed meanwhile makes this fail, and the whole transaction with it.
    db.user.delete({ where: { id: userId, ...(dueBy ? { deletionScheduledAt: { lte: dueBy } } : {}) } }),
  ]);
  // The rows are gone; with Redis, so must their copies be, or another instance would still serve them.
  await endAllSessions(userId);
}

/** Where the deletion mail's link points: our page, which sends a signed-out visitor to sign in first. */
export const DELETE_CONFIRM_PATH = "/account/delete/confirm";

/**
 * A confirmed deletion waits DELETION_GRACE_DAYS: a hostile or mistaken one can be taken back by
 * signing in (every factor) and keeping the account. Every session, trusted device and API key ends now;
 * the purge deletes the account at the date. Returns the date, or null when there is no grace
 * period and the caller deletes at once.
 */
export async function scheduleDeletion(userId: string, device: RequestDevice): Promise<Date | null> {
  if (env.DELETION_GRACE_DAYS === 0) return null;
  const deletesAt = new Date(Date.now() + env.DELETION_GRACE_DAYS * 24 * 60 * 60 * 1000);
  const user = await db.user.update({
    where: { id: userId },
    data: { deletionScheduledAt: deletesAt, pendingEmail: null, pendingEmailExpiresAt: null },
    select: { email: true, name: true },
  });
  await endEveryWayIn(userId);
  const event = await recordSecurityEvent({ userId, type: "deletion_scheduled", device, detail: `On ${deletesAt.toISOString().slice(0, 10)}` });
  await sendMail(user.email, deletionScheduledMail(env.APP_NAME, user.name, deletesAt, `${env.BETTER_AUTH_URL}/account/profile`, await eventFacts(device, event.createdAt)));
  return deletesAt;
}

/** "Keep my account": the scheduled deletion is off. Returns whether one was scheduled. */
export async function keepAccount(userId: string): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { id: userId, deletionScheduledAt: { not: null } }, data: { deletionScheduledAt: null } });
  if (count > 0) await refreshSessionCopies(userId);
  return count > 0;
}

/**
 * Deletes every account whose date has come, each in its own transaction: one that fails (or a
 * purge stopped half-way) leaves that account whole, to be deleted by the next purge.
 */
export async function purgeScheduledDeletions(now = new Date()): Promise<{ deleted: number; failed: number }> {
  const due = await db.user.findMany({ where: { deletionScheduledAt: { lte: now } }, select: { id: true } });
  let deleted = 0;
  let failed = 0;
  for (const { id } of due) {
    try {
      await deleteAccountData(id, { dueBy: now });
      deleted++;
    } catch (error) {
      // Kept (or deleted) since it was read: nothing to do.
      if ((error as { code?: unknown }).code === "P2025") continue;
      failed++;
      console.error("[deletion] an account due for deletion could not be deleted; the next purge tries again:", error instanceof Error ? error.message : error);
    }
  }
  return { deleted, failed };
}
