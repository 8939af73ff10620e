import "server-only";
import { db } from "@/lib/db";
import { endAllSessions } from "./session-store";

/**
 * Removes a person and everything that is theirs in one transaction: all of it goes, or none of it.
 * Each table is named rather than left to foreign-key cascades, so the result does not depend on
 * whether the database enforces them.
 */
export async function deleteAccountData(userId: string) {
  await db.$transaction([
    db.session.deleteMany({ where: { userId } }),
    db.account.deleteMany({ where: { userId } }),
    db.twoFactor.deleteMany({ where: { userId } }),
    db.avatar.deleteMany({ where: { userId } }),
    db.passkey.deleteMany({ where: { userId } }),
    db.securityEvent.deleteMany({ where: { userId } }),
    // Pending reset and deletion links keep the user id as their value.
    db.verification.deleteMany({ where: { value: userId } }),
    db.user.delete({ where: { id: userId } }),
  ]);
  // The rows are gone; with Redis, so must their copies be, or another instance would still serve them.
  await endAllSessions(userId);
}

/** Where the deletion mail's link points: our page, which sends a signed-out visitor to sign in first. */
export const DELETE_CONFIRM_PATH = "/account/delete/confirm";
