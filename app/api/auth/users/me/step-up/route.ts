import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";
import { getSignInMethods } from "@/lib/account/connections";
import { STEP_UP_COOKIE, STEP_UP_COOKIE_OPTIONS, STEP_UP_HEADER, issueStepUpToken } from "@/lib/account/step-up";
import { ApiError } from "@/lib/api/errors";
import { accountRoute } from "@/lib/api/route";
import { emailCodeRefusal } from "@/lib/policy/check";
import { verifyPasskeyStepUp } from "@/lib/account/passkeys";
import type { StepUpRequest } from "@/lib/validation/security";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";

/**
 * Trades the password, and a code when two-factor is on (authenticator, email or backup), or a user-verified passkey, for a step-up
 * token: ten minutes, this user and this session only. The pages get it as an HttpOnly cookie as well; API callers send it back in
 * X-Step-Up-Token. Wrong answers are counted per account (the action table's `failures`).
 */
export const POST = accountRoute<StepUpRequest>("step-up", async ({ request: { headers }, session, body }) => {
  if (body.passkey) {
    const failure = await verifyPasskeyStepUp(session.user.id, session.session.id, body.passkey as AuthenticationResponseJSON);
    if (failure === "CHALLENGE_EXPIRED") throw new ApiError("INVALID_INPUT", "That passkey prompt has expired. Try again.");
    if (failure) throw new ApiError("INVALID_PASSKEY", "That passkey is not one of this account's, or it did not verify you. Try again, or use your password.");
    return stepUpAnswer(session);
  }
  if (!(await getSignInMethods(session.user.id)).hasPassword) {
    throw new ApiError("PASSWORD_NOT_SET", "This account has no password. Set one from your profile, or sign in again, to confirm it's you.");
  }
  const twoFactorOn = Boolean(session.user.twoFactorEnabled);
  if (twoFactorOn && !body.code) {
    throw new ApiError("INVALID_INPUT", "Two-factor authentication is on: enter a code from your authenticator app, your email or your backup codes too.");
  }
  const emailCodeOff = body.codeMethod === "email" && emailCodeRefusal(session.user);
  if (emailCodeOff) throw emailCodeOff;
  await auth.api.verifyPassword({ body: { password: body.password ?? "" }, headers });
  if (twoFactorOn && body.code) {
    const code = body.code.replace(/\s/g, "");
    // Without a method named, six digits come from the authenticator app and anything else can only
    // be a backup code. Each of better-auth's checks uses up what it accepts.
    const method = body.codeMethod ?? (/^\d{6}$/.test(code) ? "authenticator" : "backup");
    if (method === "authenticator") await auth.api.verifyTOTP({ body: { code }, headers });
    else if (method === "email") await auth.api.verifyTwoFactorOTP({ body: { code }, headers });
    else await auth.api.verifyBackupCode({ body: { code, disableSession: true }, headers });
  }
  return stepUpAnswer(session);
});

async function stepUpAnswer(session: Parameters<typeof issueStepUpToken>[0]) {
  const { token, expiresAt } = await issueStepUpToken(session);
  const answer = NextResponse.json({ token, expiresAt, header: STEP_UP_HEADER });
  answer.cookies.set(STEP_UP_COOKIE, token, STEP_UP_COOKIE_OPTIONS);
  answer.headers.set("cache-control", "no-store");
  return answer;
}
