import "server-only";
import type { BetterAuthPlugin } from "better-auth";

/**
 * Keeps with each session when the person last proved every factor the account has: "recent sign-in"
 * reads this, never the row's createdAt. better-auth writes a new session row in two ways: a sign-in
 * (password and code, a provider, a mailed link), and a replacement of the request's own session
 * (turning two-factor on or off, changing the password with "sign out other devices"). A replacement
 * must not pass for a fresh sign-in, or an old session plus the password would become "recent".
 */
export function signInTime() {
  return {
    id: "bastion-sign-in-time",
    schema: {
      session: { fields: { signedInAt: { type: "date", required: false, input: false } } },
    },
    init() {
      return {
        options: {
          databaseHooks: {
            session: {
              create: {
                before: async (session, ctx) => {
                  // Copied over already from the session it replaces (two-factor on or off).
                  if (session.signedInAt) return;
                  const current = ctx?.context.session;
                  const replaced = current && current.user.id === session.userId ? (current.session as { signedInAt?: Date | null }).signedInAt : undefined;
                  return { data: { ...session, signedInAt: replaced ?? new Date() } };
                },
              },
            },
          },
        },
      };
    },
  } satisfies BetterAuthPlugin;
}

export const RECENT_SIGN_IN_SECONDS = 10 * 60;

/** Whether the session's sign-in, with every factor, was within the last ten minutes. */
export function signedInRecently(session: { signedInAt?: Date | string | null }, now = Date.now()): boolean {
  if (!session.signedInAt) return false;
  const age = now - new Date(session.signedInAt).getTime();
  return age >= 0 && age < RECENT_SIGN_IN_SECONDS * 1000;
}
