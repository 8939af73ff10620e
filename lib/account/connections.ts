import "server-only";
import { decodeJwt } from "jose";
import { cache } from "react";
import { providerName } from "@/lib/auth-providers";
import { db, provider } from "@/lib/db";
import { readRelations, relation, type Lists, type RowOf } from "@/lib/relations";
import { passkeysRelation } from "./passkeys";

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

/** The accounts sign-in methods are read from, oldest first. */
export const signInAccountsRelation = relation({
  model: "Account",
  table: "account",
  owner: "userId",
  // The password hash is read only to learn whether there is one; it goes no further than here.
  columns: { id: true, providerId: true, accountId: true, idToken: true, createdAt: "date", password: true },
  orderBy: [["createdAt", "ASC"]],
});

export function toSignInMethods(accounts: RowOf<typeof signInAccountsRelation>[], hasPasskey: boolean): SignInMethods {
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

/** What sign-in methods are read from: the accounts, and whether there is a passkey. */
export const signInMethodReads = { accounts: { relation: signInAccountsRelation }, passkeys: { relation: passkeysRelation, limit: 1 } };

export const signInMethodsFrom = ({ accounts, passkeys }: Lists<typeof signInMethodReads>) => toSignInMethods(accounts, passkeys.length > 0);

// Each person's sign-in methods as this request has read them: by asking, or along with the session
// (lib/session.ts), which saves an account page a statement.
const readThisRequest = cache(() => new Map<string, Promise<SignInMethods>>());

/**
 * How the person can sign in: with a password or not, with a passkey or not, and the providers linked
 * (oldest first). Once per request, however many parts of a page ask.
 */
export function getSignInMethods(userId: string): Promise<SignInMethods> {
  const known = readThisRequest();
  let methods = known.get(userId);
  if (!methods) known.set(userId, (methods = readRelations(userId, signInMethodReads).then(signInMethodsFrom)));
  return methods;
}

/** Sign-in methods read along with something else, for getSignInMethods to answer with in this request. */
export function knowSignInMethods(userId: string, methods: SignInMethods) {
  readThisRequest().set(userId, Promise.resolve(methods));
}

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
