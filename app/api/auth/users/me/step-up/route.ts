import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";
import { attemptsBlockedFor, clearAttempts, countAttempt, type AttemptRule } from "@/lib/account/attempts";
import { hasPassword } from "@/lib/account/password";
import { getTwoFactorStatus } from "@/lib/account/two-factor";
import { STEP_UP_COOKIE, STEP_UP_COOKIE_OPTIONS, STEP_UP_HEADER, issueStepUpToken } from "@/lib/account/step-up";
import { betterAuthFailure } from "@/lib/api/better-auth";
import { parseJsonBody } from "@/lib/api/json-body";
import { apiError, authenticate } from "@/lib/api/responses";
import { stepUpSchema } from "@/lib/validation/security";
import { refuseOverLimit } from "@/lib/api/rate-limit";

// Five wrong answers per account per quarter hour, whichever address they come from; a right one
// clears the count.
const FAILED_STEP_UPS: AttemptRule = { max: 5, windowMs: 15 * 60 * 1000 };

/**
 * Trades the password, and a code when two-factor is on, for a step-up token: ten minutes, this user
 * and this session only. The pages get it as an HttpOnly cookie as well; API callers send it back in
 * X-Step-Up-Token.
 */
export async function POST(request: Request) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  const overLimit = await refuseOverLimit(request, "step-up");
  if (overLimit) return overLimit;
  const body = await parseJsonBody(request, stepUpSchema);
  if (body.response) return body.response;

  const attemptsKey = `bastion:step-up:${session.user.id}`;
  const blockedFor = await attemptsBlockedFor(attemptsKey, FAILED_STEP_UPS);
  if (blockedFor > 0) {
    return apiError(429, "TOO_MANY_REQUESTS", `Too many wrong attempts. Try again in ${Math.ceil(blockedFor / 60)} minutes.`, { "Retry-After": String(blockedFor) });
  }
  if (!(await hasPassword(session.user.id))) {
    return apiError(409, "PASSWORD_NOT_SET", "This account has no password. Set one from your profile, or sign in again, to confirm it's you.");
  }
  const twoFactorOn = (await getTwoFactorStatus(session.user.id)).enabled;
  if (twoFactorOn && !body.data.code) {
    return apiError(400, "INVALID_INPUT", "Two-factor authentication is on: enter a code from your authenticator app or a backup code too.");
  }

  const { headers } = request;
  try {
    await auth.api.verifyPassword({ body: { password: body.data.password }, headers });
    if (twoFactorOn && body.data.code) {
      const code = body.data.code.replace(/\s/g, "");
      // Six digits come from the authenticator app; anything else can only be a backup code, which
      // better-auth uses up.
      if (/^\d{6}$/.test(code)) await auth.api.verifyTOTP({ body: { code }, headers });
      else await auth.api.verifyBackupCode({ body: { code, disableSession: true }, headers });
    }
  } catch (error) {
    const refusal = betterAuthFailure(error);
    if (refusal.status === 403) await countAttempt(attemptsKey, FAILED_STEP_UPS);
    return refusal;
  }
  await clearAttempts(attemptsKey);

  const { token, expiresAt } = await issueStepUpToken(session);
  const answer = NextResponse.json({ token, expiresAt, header: STEP_UP_HEADER });
  answer.cookies.set(STEP_UP_COOKIE, token, STEP_UP_COOKIE_OPTIONS);
  answer.headers.set("cache-control", "no-store");
  return answer;
}
