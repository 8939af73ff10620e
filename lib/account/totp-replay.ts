import "server-only";
import { base32 } from "@better-auth/utils/base32";
import { createOTP } from "@better-auth/utils/otp";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { symmetricDecrypt } from "better-auth/crypto";
import { db } from "@/lib/db";
import { requestDevice } from "@/lib/request-device";
import type { FindSession } from "@/lib/policy/check";
import { recordSecurityEvent } from "./activity";
import { twoFactorSubject } from "./two-factor";

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

/**
 * better-auth accepts a TOTP code for as long as it is in its window (up to 90 seconds), however often
 * it is sent: someone who sees a code typed could use it again. This plugin lets each code through once.
 */
export function totpReplay({ findSession }: { findSession: FindSession }) {
  return {
    id: "bastion-totp-replay",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/two-factor/verify-totp",
          handler: createAuthMiddleware(async (ctx) => {
            const code = (ctx.body as { code?: unknown } | undefined)?.code;
            if (typeof code !== "string") return;
            const subject = await twoFactorSubject(ctx, findSession);
            if (!subject) return;
            const { userId } = subject;
            const factor = await db.twoFactor.findFirst({ where: { userId }, select: { secret: true } });
            if (!factor) return;
            const step = await acceptedStep(await symmetricDecrypt({ key: ctx.context.secretConfig, data: factor.secret }), code.trim());
            if (step === null || (await claimStep(userId, step))) return;
            // The refusal ends the request before the activity plugin sees it, so it is recorded here.
            if (subject.signingIn) await recordSecurityEvent({ userId, type: "second_step_failed", device: requestDevice(ctx.headers), detail: "Code already used" });
            throw new APIError("UNAUTHORIZED", { code: "CODE_ALREADY_USED", message: "This code has already been used." });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
