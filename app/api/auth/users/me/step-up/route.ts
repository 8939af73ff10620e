import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";
import { getSignInMethods } from "@/lib/account/connections";
import { STEP_UP_COOKIE, STEP_UP_COOKIE_OPTIONS, STEP_UP_HEADER, issueStepUpToken } from "@/lib/account/step-up";
import { ApiError } from "@/lib/api/errors";
import { accountRoute } from "@/lib/api/route";
import type { StepUpInput } from "@/lib/validation/security";

/**
 * Trades the password, and a code when two-factor is on, for a step-up token: ten minutes, this user
 * and this session only. The pages get it as an HttpOnly cookie as well; API callers send it back in
 * X-Step-Up-Token. Wrong answers are counted per account (the action table's `failures`).
 */
export const POST = accountRoute<StepUpInput>("step-up", async ({ request: { headers }, session, body }) => {
  if (!(await getSignInMethods(session.user.id)).hasPassword) {
    throw new ApiError("PASSWORD_NOT_SET", "This account has no password. Set one from your profile, or sign in again, to confirm it's you.");
  }
  const twoFactorOn = Boolean(session.user.twoFactorEnabled);
  if (twoFactorOn && !body.code) {
    throw new ApiError("INVALID_INPUT", "Two-factor authentication is on: enter a code from your authenticator app or a backup code too.");
  }
  await auth.api.verifyPassword({ body: { password: body.password }, headers });
  if (twoFactorOn && body.code) {
    const code = body.code.replace(/\s/g, "");
    // Six digits come from the authenticator app; anything else can only be a backup code, which
    // better-auth uses up.
    if (/^\d{6}$/.test(code)) await auth.api.verifyTOTP({ body: { code }, headers });
    else await auth.api.verifyBackupCode({ body: { code, disableSession: true }, headers });
  }
  const { token, expiresAt } = await issueStepUpToken(session);
  const answer = NextResponse.json({ token, expiresAt, header: STEP_UP_HEADER });
  answer.cookies.set(STEP_UP_COOKIE, token, STEP_UP_COOKIE_OPTIONS);
  answer.headers.set("cache-control", "no-store");
  return answer;
});
