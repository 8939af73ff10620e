import "server-only";
import { ApiError } from "@/lib/api/errors";
import { auth } from "@/lib/auth";
import type { PreferredSecondFactor } from "@/lib/validation/security";
import { getSignInMethods } from "./connections";
import { secondFactorState, type SecondFactorState, type SecondFactorUser } from "./second-factor";

type AccountUser = SecondFactorUser & { id: string };

type Change = { emailCodeEnabled?: boolean; preferredSecondFactor?: string | null };

async function updateSecondFactors(user: AccountUser, change: Change, hasPasskey: boolean): Promise<SecondFactorState> {
  // better-auth's own update, which also refreshes the sessions' copies in Redis.
  await (await auth.$context).internalAdapter.updateUser(user.id, change);
  return secondFactorState({ ...user, ...change }, hasPasskey);
}

/** Codes by email on or off. They are a second way through two-factor, so they need it on. */
export async function setEmailCode(user: AccountUser, on: boolean): Promise<SecondFactorState> {
  if (on && !user.twoFactorEnabled) throw new ApiError("TWO_FACTOR_OFF", "Turn on two-factor authentication with an authenticator app first.", { status: 409 });
  return updateSecondFactors(user, { emailCodeEnabled: on }, (await getSignInMethods(user.id)).hasPasskey);
}

export async function setPreferredSecondFactor(user: AccountUser, method: PreferredSecondFactor): Promise<SecondFactorState> {
  const { hasPasskey } = await getSignInMethods(user.id);
  if (!secondFactorState(user, hasPasskey).methods.includes(method)) {
    throw new ApiError("METHOD_NOT_AVAILABLE", "That method is not set up on your account.", { status: 409 });
  }
  return updateSecondFactors(user, { preferredSecondFactor: method }, hasPasskey);
}
