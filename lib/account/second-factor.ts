import "server-only";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthEndpoint } from "better-auth/api";
import type { StepUpProofs } from "@/components/account/step-up";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { emailCodeMail } from "@/lib/mail/templates";
import { emailCodeOn, type FindSession } from "@/lib/policy/check";
import { requestDevice } from "@/lib/request-device";
import type { PreferredSecondFactor } from "@/lib/validation/security";
import { eventFacts } from "./activity";
import { getSignInMethods } from "./connections";
import { pendingSignInUserId } from "./two-factor";

/** The ways through the second step, in the order they are offered. */
export type SecondStepMethod = PreferredSecondFactor | "backup";

export type SecondFactorState = { emailCode: boolean; methods: SecondStepMethod[]; preferred: PreferredSecondFactor };

export type SecondFactorUser = { twoFactorEnabled?: boolean | null; emailCodeEnabled?: boolean | null; preferredSecondFactor?: string | null };

/**
 * What the second step offers this person and opens on: the authenticator app (two-factor's own
 * method), codes by email when on, a passkey when they have one (it stands for the password and the
 * code together), and the backup codes last. The preferred one, while it is still set up.
 */
export function secondFactorState(user: SecondFactorUser, hasPasskey: boolean): SecondFactorState {
  const emailCode = emailCodeOn(user);
  const methods: SecondStepMethod[] = ["authenticator", ...(emailCode ? (["email"] as const) : []), ...(hasPasskey ? (["passkey"] as const) : []), "backup"];
  const stored = user.preferredSecondFactor as PreferredSecondFactor | null | undefined;
  return { emailCode, methods, preferred: stored && methods.includes(stored) ? stored : "authenticator" };
}

/** What the step-up dialog may ask this person for, from their sign-in methods. */
export function stepUpProofs(user: SecondFactorUser, { hasPassword, hasPasskey }: { hasPassword: boolean; hasPasskey: boolean }): StepUpProofs {
  const { emailCode, preferred } = secondFactorState(user, hasPasskey);
  return { hasPassword, hasPasskey, twoFactorEnabled: Boolean(user.twoFactorEnabled), emailCode, preferred };
}

/** The two-factor plugin's options for codes by email: six digits, once, for five minutes, kept as a hash. */
export function emailCodeOptions({ findSession }: { findSession: FindSession }) {
  return {
    period: 5,
    digits: 6,
    storeOTP: "hashed" as const,
    // Wrong guesses at one code; the account's own lock (ten in a row) and the table's limits come on top.
    allowedAttempts: 5,
    sendOTP: async ({ user, otp }: { user: { email: string; name: string }; otp: string }, ctx?: { headers?: Headers }) => {
      const headers = ctx?.headers;
      const purpose = headers && (await findSession(headers)) ? "confirm-it-is-you" : "sign-in";
      await sendMail(user.email, emailCodeMail(env.APP_NAME, user.name, otp, purpose, `${env.BETTER_AUTH_URL}/forgot-password`, await eventFacts(requestDevice(headers))));
    },
  };
}

/**
 * Codes by email beside two-factor's own methods: what the second step offers the person signing in
 * (server-only, read by the /two-factor page), and codes by email (and the preference) ending with
 * two-factor, whichever way it is turned off.
 */
export function secondFactors() {
  return {
    id: "bastion-second-factors",
    init: () => ({
      options: {
        databaseHooks: {
          user: {
            update: {
              before: async (data: Record<string, unknown>) => {
                if (data.twoFactorEnabled !== false) return;
                return { data: { ...data, emailCodeEnabled: false, preferredSecondFactor: null } };
              },
            },
          },
        },
      },
    }),
    endpoints: {
      pendingSecondStep: createAuthEndpoint.serverOnly({ method: "GET", requireHeaders: true }, async (ctx) => {
        const userId = await pendingSignInUserId(ctx);
        const user = userId ? await ctx.context.internalAdapter.findUserById(userId) : null;
        if (!user) return ctx.json(null);
        return ctx.json(secondFactorState(user as SecondFactorUser, (await getSignInMethods(user.id)).hasPasskey));
      }),
    },
  } satisfies BetterAuthPlugin;
}
