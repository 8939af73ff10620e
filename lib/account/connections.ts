import "server-only";
import { decodeJwt } from "jose";
import { cache } from "react";
import { providerName } from "@/lib/auth-providers";
import { db, provider } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

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

export type SignInMethods = { hasPassword: boolean; hasPasskey: boolean; connections: Connection[] };

/** The accounts sign-in methods are read from (oldest first), as a relation of the user. */
export const signInAccountsQuery = () => ({
  // The password hash is read only to learn whether there is one; it goes no further than here.
  select: { id: true, providerId: true, accountId: true, idToken: true, createdAt: true, password: true },
  orderBy: { createdAt: "asc" as const },
});

type AccountRow = Prisma.AccountGetPayload<{ select: ReturnType<typeof signInAccountsQuery>["select"] }>;

export function toSignInMethods(accounts: AccountRow[], hasPasskey: boolean): SignInMethods {
  return {
    hasPasskey,
    hasPassword: accounts.some((account) => account.providerId === "credential" && account.password !== null),
    connections: accounts
      .filter((account) => account.providerId !== "credential")
      .map((account) => ({
        id: account.id,
        providerId: account.providerId,
        provider: providerName(account.providerId),
        accountName: accountNameFrom(account.idToken, account.accountId),
        linkedAt: account.createdAt,
      })),
  };
}

const accountColumns = Prisma.raw(
  Object.keys(signInAccountsQuery().select)
    .map((column) => `a."${column}"`)
    .join(", "),
);

/**
 * How the person can sign in: with a password or not, with a passkey or not, and the providers linked
 * (oldest first). Once per request, however many parts of a page ask, and in one statement on both
 * databases: a raw query, as the same read through Prisma's query builder was three statements on
 * SQLite, each compiled anew on every request.
 */
export const getSignInMethods = cache(async (userId: string): Promise<SignInMethods> => {
  const rows = await db.$queryRaw<(AccountRow & { hasPasskey: unknown })[]>`
    SELECT ${accountColumns}, EXISTS (SELECT 1 FROM "passkey" AS p WHERE p."userId" = u."id") AS "hasPasskey"
    FROM "user" AS u LEFT JOIN "account" AS a ON a."userId" = u."id"
    WHERE u."id" = ${userId}
    ORDER BY a."createdAt" ASC`;
  // A person without accounts still has the one row of the join, with no account in it. SQLite
  // answers EXISTS with 0 or 1, PostgreSQL with a boolean.
  return toSignInMethods(
    rows.filter((row) => row.id !== null),
    rows.length > 0 && Number(rows[0]!.hasPasskey) === 1,
  );
});

export type UnlinkResult = { outcome: "unlinked"; providerId: string } | { outcome: "not-found" | "last-sign-in-method" };

/**
 * Removes a linked provider unless it is the person's last way to sign in. The check and the delete
 * are one statement. SQLite runs one write at a time, so that is enough there; PostgreSQL (read
 * committed) would let two concurrent unlinks each count the other's row and both succeed, so there
 * the statement runs after taking a lock on the person's row, and a second unlink waits for the first.
 */
export async function unlinkConnection(userId: string, accountId: string): Promise<UnlinkResult> {
  const account = await db.account.findFirst({ where: { id: accountId, userId, providerId: { not: "credential" } }, select: { providerId: true } });
  if (!account) return { outcome: "not-found" };
  const unlinkUnlessLast = (client: Pick<typeof db, "$executeRaw">) => client.$executeRaw`
    DELETE FROM "account"
    WHERE "id" = ${accountId} AND "userId" = ${userId} AND "providerId" <> 'credential'
      AND (SELECT COUNT(*) FROM "account" WHERE "userId" = ${userId}) > 1`;
  // No interactive transaction on SQLite: Prisma's libSQL adapter holds one lock for the whole
  // client while one is open.
  const deleted =
    provider === "postgresql"
      ? await db.$transaction(async (tx) => {
          await tx.$queryRaw`SELECT "id" FROM "user" WHERE "id" = ${userId} FOR UPDATE`;
          return unlinkUnlessLast(tx);
        })
      : await unlinkUnlessLast(db);
  if (deleted > 0) return { outcome: "unlinked", providerId: account.providerId };
  // Nothing deleted: it is the last way in, or a concurrent request unlinked it first.
  const exists = await db.account.count({ where: { id: accountId, userId } });
  return { outcome: exists > 0 ? "last-sign-in-method" : "not-found" };
}
