import "server-only";
import { secondaryStorage } from "@/lib/redis";

/**
 * With Redis, better-auth keeps a copy of every session, with its user, there (lib/redis), and each
 * request reads the copy, on whichever instance it lands. A write of ours to a user, a session or a
 * trusted device goes through here, so the copies follow the database; without Redis only the
 * database is written.
 */
// Imported when first needed: lib/auth itself uses modules that use this one.
const internalAdapter = async () => (await (await import("@/lib/auth")).auth.$context).internalAdapter;

/** After a change to the user row made outside better-auth: the sessions' copies show it. */
export async function refreshSessionCopies(userId: string) {
  if (!secondaryStorage) return;
  const adapter = await internalAdapter();
  const user = await adapter.findUserById(userId);
  if (user) await adapter.refreshUserSessions(user);
}

/** Ends sessions, by token: their rows and their copies. */
export async function endSessions(tokens: string[]) {
  if (tokens.length > 0) await (await internalAdapter()).deleteSessions(tokens);
}

/** Ends every session of the person's, including ones another instance has only in Redis so far. */
export async function endAllSessions(userId: string) {
  await (await internalAdapter()).deleteUserSessions(userId);
}

/** Removes verification values (mailed links, trusted devices): their rows and their copies. */
export async function dropVerifications(identifiers: string[]) {
  if (identifiers.length === 0) return;
  const adapter = await internalAdapter();
  for (const identifier of identifiers) await adapter.deleteVerificationByIdentifier(identifier);
}
