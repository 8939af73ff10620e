import "server-only";
import { decodeJwt } from "jose";
import { providerName } from "@/lib/auth-providers";
import { db } from "@/lib/db";

export type Connection = { id: string; providerId: string; provider: string; accountName: string; linkedAt: Date };

/** Who the person is at the provider, as its ID token says, for a label they will recognise. */
function accountNameFrom(idToken: string | null, accountId: string): string {
  if (!idToken) return accountId;
  try {
    const claims = decodeJwt(idToken);
    for (const claim of ["email", "preferred_username", "name"]) {
      if (typeof claims[claim] === "string" && claims[claim]) return claims[claim] as string;
    }
  } catch {
    // An unreadable token still leaves the provider's own id to show.
  }
  return accountId;
}

/** The person's linked providers (not the password, which has its own row). */
export async function listConnections(userId: string): Promise<Connection[]> {
  const accounts = await db.account.findMany({
    where: { userId, providerId: { not: "credential" } },
    select: { id: true, providerId: true, accountId: true, idToken: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  return accounts.map((account) => ({
    id: account.id,
    providerId: account.providerId,
    provider: providerName(account.providerId),
    accountName: accountNameFrom(account.idToken, account.accountId),
    linkedAt: account.createdAt,
  }));
}

export type UnlinkResult = "unlinked" | "not-found" | "last-sign-in-method";

/**
 * Removes a linked provider unless it is the person's last way to sign in. The check and the delete
 * are one statement, and unlinks of one person run one at a time: without that, PostgreSQL (read
 * committed) lets two concurrent unlinks each count the other's row and both succeed.
 */
export async function unlinkConnection(userId: string, accountId: string): Promise<UnlinkResult> {
  const deleted = await db.$transaction(async (tx) => {
    // A write to the person's row first: PostgreSQL holds its row lock, and SQLite its one write
    // lock, until the transaction ends, so a second unlink waits and then counts what is left.
    await tx.$executeRaw`UPDATE "user" SET "updatedAt" = "updatedAt" WHERE "id" = ${userId}`;
    return tx.$executeRaw`
      DELETE FROM "account"
      WHERE "id" = ${accountId} AND "userId" = ${userId} AND "providerId" <> 'credential'
        AND (SELECT COUNT(*) FROM "account" WHERE "userId" = ${userId}) > 1`;
  });
  if (deleted > 0) return "unlinked";
  const exists = await db.account.count({ where: { id: accountId, userId, providerId: { not: "credential" } } });
  return exists > 0 ? "last-sign-in-method" : "not-found";
}
