import "server-only";
import { betterAuth, type BetterAuthOptions } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { bearer, genericOAuth, twoFactor } from "better-auth/plugins";
import { apiKey } from "@better-auth/api-key";
import { passkey } from "@better-auth/passkey";
import { APIError } from "better-auth/api";
import { after } from "next/server";
import { db, provider } from "@/lib/db";
import { env, isDevelopmentOrigin } from "@/lib/env";
import { secondaryStorage } from "@/lib/redis";
import { sendMail } from "@/lib/mail";
import { deleteAccountData, DELETE_CONFIRM_PATH } from "@/lib/account/deletion";
import { totpReplay } from "@/lib/account/totp-replay";
import { eventFacts, recordSecurityEvent } from "@/lib/account/activity";
import { backupCodeHashing, hashedBackupCodes } from "@/lib/account/backup-codes";
import { securityActivity } from "@/lib/account/activity-plugin";
import { endEveryWayIn } from "@/lib/account/lock-out";
import { trustedDevices } from "@/lib/account/trusted-devices";
import { emailCodeOptions, secondFactors } from "@/lib/account/second-factor";
import { emailChangeFlow, readEmailChangeToken } from "@/lib/account/email-change";
import { PASSKEY_ORIGIN, PASSKEY_RP_ID, markPasskeyUsed, passkeyNameFor } from "@/lib/account/passkeys";
import { providerName } from "@/lib/auth-providers";
import type { FindSession } from "@/lib/policy/check";
import { accountPolicy } from "@/lib/policy/plugin";
import { signInTime } from "@/lib/policy/sign-in-time";
import { placeFromHeaders } from "@/lib/location";
import { displayAddress, ipAddressOptions, locateDevice, requestDevice } from "@/lib/request-device";
import { confirmNewEmailMail, deleteAccountMail, existingAccountMail, resetPasswordMail, verifyEmailMail } from "@/lib/mail/templates";
import { API_KEY_PREFIX } from "@/lib/validation/api-keys";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/validation/user";

/**
 * better-auth, configured. Which endpoints answer, and what each needs, is the action table's
 * (lib/policy/actions); each rule better-auth lacks is a plugin of its own below.
 */

// Typed by hand: inferring it from `auth` would make `auth`'s type depend on itself.
const findSession: FindSession = (headers) => auth.api.getSession({ headers });

/**
 * Every verification link lands on /verify-email, which says whether it worked. better-auth uses "/"
 * when the request that sent the mail named no callbackURL (sign-in with an unverified address).
 */
function landOnVerifyPage(link: string): string {
  const url = new URL(link);
  if ((url.searchParams.get("callbackURL") ?? "/") === "/") url.searchParams.set("callbackURL", "/verify-email");
  return url.toString();
}

/**
 * better-auth's background tasks: its mails go out after the answer, so an answer takes as long for
 * an address with an account as for one without (reset, change of address). On Vercel, after() keeps
 * the function alive until they finish.
 */
function runAfterAnswer(task: Promise<unknown>) {
  const logged = task.catch((error: unknown) => console.error("[mail] a background task failed:", error instanceof Error ? error.message : error));
  try {
    after(logged);
  } catch {
    // Outside a request (a script): the promise runs on its own.
  }
}

// Provider sign-ups must not bring a picture from the provider's servers: `image` only ever points
// at our own avatar route.
const withoutPicture = () => ({ image: undefined });

const socialProviders = {
  ...(env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET
    ? { github: { clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET, mapProfileToUser: withoutPicture } }
    : {}),
  ...(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
    ? { google: { clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET, mapProfileToUser: withoutPicture } }
    : {}),
};

const oidcProviders =
  env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
    ? [
        {
          providerId: "oidc",
          name: env.OIDC_NAME,
          discoveryUrl: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
          clientId: env.OIDC_CLIENT_ID,
          clientSecret: env.OIDC_CLIENT_SECRET,
          scopes: ["openid", "email", "profile"],
          pkce: true,
          mapProfileToUser: withoutPicture,
        },
      ]
    : [];

export const auth = betterAuth({
  appName: env.APP_NAME,
  baseURL: env.BETTER_AUTH_URL,
  // Beside BETTER_AUTH_URL's own origin: in development, the loopback address the page was opened at.
  trustedOrigins: async (request) => {
    const origin = request?.headers.get("origin");
    return origin && isDevelopmentOrigin(origin) ? [origin] : [];
  },
  secret: env.BETTER_AUTH_SECRET,
  database: prismaAdapter(db, { provider, transaction: true }),
  // With REDIS_URL: every instance finds sessions and verification values there, not in the database.
  // The database keeps them too, as the record the pages list and the fallback when Redis has
  // restarted empty; lib/account/session-store keeps the two together.
  secondaryStorage,
  verification: { storeInDatabase: true },
  emailAndPassword: {
    enabled: true,
    requireEmailVerification: true,
    minPasswordLength: PASSWORD_MIN_LENGTH,
    maxPasswordLength: PASSWORD_MAX_LENGTH,
    resetPasswordTokenExpiresIn: 60 * 60,
    // A reset is what a person does when they fear someone else has the password.
    revokeSessionsOnPasswordReset: true,
    sendResetPassword: async ({ user, url }) => {
      await sendMail(user.email, resetPasswordMail(env.APP_NAME, user.name, url));
    },
    onPasswordReset: async ({ user }, request) => {
      // better-auth has ended the sessions already (revokeSessionsOnPasswordReset).
      await endEveryWayIn(user.id, { sessions: false });
      await recordSecurityEvent({ userId: user.id, type: "password_changed", device: requestDevice(request?.headers), detail: "It was reset from an emailed link, and every device was signed out" });
    },
    // Sign-up answers the same whether or not the address is registered, so it cannot be used to
    // learn who has an account; the owner of the address is told by mail instead.
    onExistingUserSignUp: async ({ user }) => {
      await sendMail(user.email, existingAccountMail(env.APP_NAME, user.name, `${env.BETTER_AUTH_URL}/sign-in`));
    },
  },
  socialProviders,
  account: {
    accountLinking: {
      enabled: true,
      // Linking is something a signed-in person asks for; the provider's address may differ from ours.
      allowDifferentEmails: true,
    },
  },
  emailVerification: {
    sendOnSignUp: true,
    sendOnSignIn: true,
    autoSignInAfterVerification: true,
    expiresIn: 60 * 60,
    sendVerificationEmail: async ({ user, url, token }) => {
      // The same sender serves sign-up and a change of address; the reader needs to know which.
      const mail = (await readEmailChangeToken(token, env.BETTER_AUTH_SECRET))
        ? confirmNewEmailMail(env.APP_NAME, user.name, url)
        : verifyEmailMail(env.APP_NAME, user.name, landOnVerifyPage(url));
      await sendMail(user.email, mail);
    },
  },
  user: {
    // The address changes only when the link mailed to the new one is opened (lib/account/email-change).
    changeEmail: { enabled: true },
    // Read with the session, so a page needs no query of its own for them; only our code writes them.
    additionalFields: {
      pendingEmail: { type: "string", required: false, input: false },
      pendingEmailExpiresAt: { type: "date", required: false, input: false },
      deletionScheduledAt: { type: "date", required: false, input: false },
      // The second step's options beside the authenticator app (lib/account/second-factor).
      emailCodeEnabled: { type: "boolean", required: false, defaultValue: false, input: false },
      preferredSecondFactor: { type: "string", required: false, input: false },
    },
    deleteUser: {
      enabled: true,
      // Deleting takes the link from this mail: a stolen session alone cannot delete the account.
      deleteTokenExpiresIn: 60 * 60,
      sendDeleteAccountVerification: async ({ user, token }, request) => {
        const url = `${env.BETTER_AUTH_URL}${DELETE_CONFIRM_PATH}?token=${encodeURIComponent(token)}`;
        await sendMail(user.email, deleteAccountMail(env.APP_NAME, user.name, url, env.DELETION_GRACE_DAYS, await eventFacts(requestDevice(request?.headers))));
      },
      // better-auth deletes the user, then the sessions, one statement at a time; do it all in one
      // transaction first, so its own deletes find nothing left and nothing is ever half-deleted.
      beforeDelete: async (user) => {
        await deleteAccountData(user.id);
      },
    },
  },
  session: {
    storeSessionInDatabase: true,
    // No cookie cache: a revoked session must stop working on the very next request.
    cookieCache: { enabled: false },
    // Where the session started (lib/location), written when it is created; read with the session.
    additionalFields: {
      city: { type: "string", required: false, input: false },
      country: { type: "string", required: false, input: false },
    },
    // better-auth writes a session's updatedAt when it extends it; doing that hourly (not daily) is
    // what lets the sessions list say when each device was last active, at one write per hour.
    updateAge: 60 * 60,
    // Freshness is the action table's (a step-up, or a sign-in in the last ten minutes), not the
    // session's age: better-auth's own check would refuse a stepped-up session older than a day.
    freshAge: 0,
  },
  // Limits are the action table's (lib/policy), counted only where they protect something: better-auth's
  // own limiter would also write a row for every session read.
  rateLimit: { enabled: false },
  advanced: {
    database: { joins: true },
    // X-Forwarded-For is believed only as far as TRUSTED_PROXIES reaches (scripts/start.mjs puts the
    // connection's own address at its end).
    ipAddress: ipAddressOptions,
    backgroundTasks: { handler: runAfterAnswer },
  },
  databaseHooks: {
    session: {
      create: {
        // better-auth stores an IPv6 address written out in full; the pages and mails show it compressed.
        before: async (session, ctx) => {
          const ipAddress = displayAddress(session.ipAddress);
          const { place } = await locateDevice({ ipAddress, userAgent: session.userAgent ?? null, place: placeFromHeaders(ctx?.headers) });
          return { data: { ...session, ipAddress, city: place.city, country: place.country } };
        },
      },
    },
    account: {
      create: {
        // A provider added to an account that already had a way to sign in: linked, not signed up.
        after: async (account, ctx) => {
          if (account.providerId === "credential") return;
          if ((await db.account.count({ where: { userId: account.userId } })) < 2) return;
          await recordSecurityEvent({ userId: account.userId, type: "provider_linked", device: requestDevice(ctx?.headers), detail: providerName(account.providerId) });
        },
      },
    },
  },
  plugins: [
    ...(oidcProviders.length > 0 ? [genericOAuth({ config: oidcProviders })] : []),
    // First: what the action table does not name is not served, and what it names gets its proof,
    // limit and body rules before anything else looks at the request.
    accountPolicy({ findSession }),
    signInTime(),
    twoFactor({
      issuer: env.APP_NAME,
      // Codes are secrets: kept only as hashes (lib/account/backup-codes).
      backupCodeOptions: { amount: 10, storeBackupCodes: hashedBackupCodes },
      trustDeviceMaxAge: 30 * 24 * 60 * 60,
      // Codes by email, for accounts that turn them on (the action table's requiresMethod).
      otpOptions: emailCodeOptions({ findSession }),
    }),
    secondFactors(),
    // What each trusted device is, and the end of every trust when the account's protection changes.
    trustedDevices(),
    passkey({
      rpID: PASSKEY_RP_ID,
      rpName: env.APP_NAME,
      // Only this site's pages: better-auth would otherwise take the origin the request names.
      origin: PASSKEY_ORIGIN,
      // Discoverable, so the sign-in page can offer it before an address is typed; verified by its
      // user (PIN or biometrics), because a passkey sign-in skips the second step.
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
      registration: {
        afterVerification: async ({ verification }) => ({ name: passkeyNameFor(verification.registrationInfo?.aaguid) }),
      },
      authentication: {
        afterVerification: async ({ verification }) => {
          if (!verification.authenticationInfo.userVerified) {
            throw new APIError("UNAUTHORIZED", { code: "USER_VERIFICATION_REQUIRED", message: "This passkey did not ask for your PIN or fingerprint. Use one that does, or sign in with your password." });
          }
          await markPasskeyUsed(verification.authenticationInfo.credentialID);
        },
      },
    }),
    // Personal API keys, made and verified by the plugin and kept as hashes; its HTTP endpoints are not
    // served (the action table refuses them): ours under /users/me/api-keys take their place, and what
    // a key may do is the table's (apiKeyScope).
    apiKey({
      defaultPrefix: API_KEY_PREFIX,
      requireName: true,
      startingCharactersConfig: { charactersLength: API_KEY_PREFIX.length + 6 },
      // Each use is counted, which is also how a key's "last used" is kept.
      rateLimit: { enabled: true, timeWindow: 60 * 1000, maxRequests: 600 },
    }),
    totpReplay({ findSession }),
    backupCodeHashing(),
    emailChangeFlow(),
    // After twoFactor, so that it sees a sign-in only once the second step is done.
    securityActivity({ findSession }),
    // API clients authenticate with the session token from sign-in's set-auth-token header; only the
    // signed form is accepted, as in the cookie.
    bearer({ requireSignature: true }),
    // Lets server actions set cookies; must stay last.
    nextCookies(),
  ],
} satisfies BetterAuthOptions);

// The plugins' own fields, which better-auth's inference drops from a plugin list built conditionally.
export type Session = typeof auth.$Infer.Session & {
  user: { twoFactorEnabled?: boolean | null; emailCodeEnabled?: boolean | null; preferredSecondFactor?: string | null };
  session: { signedInAt?: Date | null };
};
