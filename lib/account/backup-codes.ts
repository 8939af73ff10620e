import "server-only";
import { createHash, createHmac } from "node:crypto";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { symmetricDecrypt } from "better-auth/crypto";
import { env } from "@/lib/env";

/**
 * Backup codes are kept as keyed hashes, so nobody, not even someone reading the database with the
 * app's secret, can read them back: the person sees them once, when they are made. better-auth
 * compares the code it is sent with what its storeBackupCodes "decrypt" returns, so the code is hashed
 * on the way in (the plugin below) and compared hash to hash. The codes are random (ten
 * characters of 62), so a fast keyed hash is enough; the key makes a leaked table useless without the
 * secret as well.
 */
const HASHED = "hmac-sha256:";
const key = createHash("sha256").update(`bastion backup code\0${env.BETTER_AUTH_SECRET}`).digest();

export function hashBackupCode(code: string): string {
  return HASHED + createHmac("sha256", key).update(code.trim()).digest("base64url");
}

const hashAll = (codes: string[]) => codes.map((code) => (code.startsWith(HASHED) ? code : hashBackupCode(code)));

/** better-auth's storeBackupCodes option: what it calls encrypting stores hashes. */
export const hashedBackupCodes = {
  // New codes arrive in the clear; what is left after one is used arrives as hashes already.
  encrypt: async (codesJson: string) => JSON.stringify(hashAll(JSON.parse(codesJson) as string[])),
  decrypt: async (stored: string) => {
    if (stored.startsWith("[")) return stored;
    // Codes saved before hashing, encrypted with the app secret: compared as hashes from now on.
    const codes = JSON.parse(await symmetricDecrypt({ key: env.BETTER_AUTH_SECRET, data: stored })) as string[];
    return JSON.stringify(hashAll(codes));
  },
};

/** better-auth compares the code it is sent with the stored hashes, so it gets the code's hash. */
export function backupCodeHashing() {
  return {
    id: "bastion-backup-code-hashing",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/two-factor/verify-backup-code",
          handler: createAuthMiddleware(async (ctx) => {
            const { code } = (ctx.body ?? {}) as { code?: unknown };
            if (typeof code !== "string") return;
            return { context: { body: { ...(ctx.body as object), code: hashBackupCode(code) } } };
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
