import "server-only";
import { base32 } from "@better-auth/utils/base32";
import { createOTP } from "@better-auth/utils/otp";
import { db } from "@/lib/db";

// better-auth's TOTP settings (its defaults, which lib/auth.ts keeps): 6 digits, 30-second steps, and
// a code accepted one step either side of now.
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const BASE32_PREFIX = "base32:";

/**
 * The time step this code belongs to, among the ones better-auth would accept now, or null when it
 * matches none (better-auth then refuses it, and counts the failure, itself).
 */
export async function acceptedStep(decryptedSecret: string, code: string, now = Date.now()): Promise<number | null> {
  // Secrets imported from elsewhere are stored as "base32:<secret>", as in better-auth.
  const secret = decryptedSecret.startsWith(BASE32_PREFIX) ? base32.decode(decryptedSecret.slice(BASE32_PREFIX.length).toUpperCase()) : decryptedSecret;
  const otp = createOTP(secret, { period: PERIOD_SECONDS, digits: DIGITS });
  const current = Math.floor(now / 1000 / PERIOD_SECONDS);
  for (const step of [current - 1, current, current + 1]) {
    if ((await otp.hotp(step)) === code) return step;
  }
  return null;
}

/**
 * Records that the person used this step, if no code of this step or a later one was used before.
 * One conditional UPDATE: two requests with the same code cannot both claim it.
 */
export async function claimStep(userId: string, step: number): Promise<boolean> {
  const { count } = await db.twoFactor.updateMany({
    where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  });
  return count > 0;
}
