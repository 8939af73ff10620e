import "server-only";
import { betterAuth, type BetterAuthOptions } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { symmetricDecrypt } from "better-auth/crypto";
import { nextCookies } from "better-auth/next-js";
import { bearer, genericOAuth, twoFactor } from "better-auth/plugins";
import type { ZodType } from "zod";
import { db, provider } from "@/lib/db";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { deleteAccountData, DELETE_CONFIRM_PATH } from "@/lib/account/deletion";
import { STEP_UP_MESSAGES, checkStepUp } from "@/lib/account/step-up";
import { acceptedStep, claimStep } from "@/lib/account/totp-replay";
import { eventFacts, recordSecurityEvent } from "@/lib/account/activity";
import { hashBackupCode, hashedBackupCodes } from "@/lib/account/backup-codes";
import { securityActivity, twoFactorSubject, type FindSession } from "@/lib/account/activity-plugin";
import { providerName } from "@/lib/auth-providers";
import { ipAddressOptions, requestDevice } from "@/lib/request-device";
import { cancelPendingEmailChange, getPendingEmailChange, readEmailChangeToken, recordPendingEmailChange } from "@/lib/account/email-change";
import { confirmNewEmailMail, deleteAccountMail, emailChangedMail, existingAccountMail, resetPasswordMail, verifyEmailMail } from "@/lib/mail/templates";
import { newPasswordSchema } from "@/lib/passwords/common";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, emailSchema, imageUpdateSchema, nameSchema } from "@/lib/validation/user";

// better-auth's own endpoints validate their bodies loosely; these fields must follow the same zod
// rules as our forms, so the rule lives once, in lib/validation. Every way of choosing a password
// also refuses the most common ones.
const bodyRules: Record<string, Record<string, ZodType>> = {
  "/sign-up/email": { name: nameSchema, password: newPasswordSchema },
  "/reset-password": { newPassword: newPasswordSchema },
  "/change-password": { newPassword: newPasswordSchema },
  "/update-user": { name: nameSchema.optional(), image: imageUpdateSchema },
  "/change-email": { newEmail: emailSchema },
};

// better-auth endpoints that hand the account to whoever holds the session: they need step-up
// (lib/account/step-up). The two-factor ones also take the password in their body; step-up adds the
// second factor on a stale session. Password change asks for the current password itself, and
// deletion's mailed link (/delete-user/callback) and sign-in's second step (/two-factor/verify-*) are
// proof of their own.
const STEP_UP_PATHS = new Set([
  "/change-email",
  "/delete-user",
  "/link-social",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
  "/two-factor/enable",
  "/two-factor/disable",
  "/two-factor/generate-backup-codes",
]);

async function refuseWithoutStepUp(headers: Headers | undefined) {
  if (!headers) return;
  // The session as the endpoint will see it, from the cookie or a bearer token; without one the
  // endpoint itself answers 401.
  const session = await auth.api.getSession({ headers });
  if (!session) return;
  const failure = await checkStepUp(headers, session, { allowRecentSignIn: true });
  if (failure) throw new APIError("FORBIDDEN", { code: failure, message: STEP_UP_MESSAGES[failure] });
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

// Typed by hand: inferring it from `auth` would make `auth`'s type depend on itself.
const findSession: FindSession = (headers) => auth.api.getSession({ headers });

/**
 * better-auth accepts a TOTP code for as long as it is in its window (up to 90 seconds), however often
 * it is sent: someone who sees a code typed could use it again. Each code is accepted once here.
 */
async function refuseReplayedTotp(ctx: HookContext) {
  const code = (ctx.body as { code?: unknown } | undefined)?.code;
  if (typeof code !== "string") return;
  const subject = await twoFactorSubject(ctx, findSession);
  if (!subject) return;
  const { userId } = subject;
  const factor = await db.twoFactor.findFirst({ where: { userId }, select: { secret: true } });
  if (!factor) return;
  const step = await acceptedStep(await symmetricDecrypt({ key: ctx.context.secretConfig, data: factor.secret }), code.trim());
  if (step === null) return;
  if (!(await claimStep(userId, step))) {
    // The refusal ends the request before the activity plugin sees it, so it is recorded here.
    if (subject.signingIn) await recordSecurityEvent({ userId, type: "second_step_failed", device: requestDevice(ctx.headers), detail: "Code already used" });
    throw new APIError("UNAUTHORIZED", { code: "CODE_ALREADY_USED", message: "This code has already been used." });
  }
}

/** better-auth compares the code with the stored hashes (lib/account/backup-codes), so it gets the code's hash. */
function compareBackupCodeAsHash(body: unknown) {
  const { code } = (body ?? {}) as { code?: unknown };
  if (typeof code !== "string") return;
  return { context: { body: { ...(body as object), code: hashBackupCode(code) } } };
}

/**
 * Every verification link lands on /verify-email, which says whether it worked. better-auth uses "/"
 * when the request that sent the mail named no callbackURL (sign-in with an unverified address).
 */
function landOnVerifyPage(link: string): string {
  const url = new URL(link);
  if ((url.searchParams.get("callbackURL") ?? "/") === "/") url.searchParams.set("callbackURL", "/verify-email");
  return url.toString();
}

/** A change-email link works only while that change is still pending: Cancel must mean cancelled. */
async function refuseCancelledEmailChange(token: unknown, callbackURL: unknown, redirect: (url: string) => Error) {
  const change = readEmailChangeToken(token);
  if (!change) return;
  const pending = await getPendingEmailChange(change.userId);
  if (pending?.newEmail === change.newEmail) return;
  // Answer the way better-auth answers any unusable link.
  if (typeof callbackURL === "string") {
    const target = new URL(callbackURL, env.BETTER_AUTH_URL);
    target.searchParams.set("error", "INVALID_TOKEN");
    throw redirect(`${target.pathname}${target.search}`);
  }
  throw new APIError("UNAUTHORIZED", { code: "INVALID_TOKEN", message: "Invalid token" });
}

/** After a change-email link: once the address really changed, end the pending state and tell the old one. */
async function finishEmailChange(token: unknown, headers: Headers | undefined) {
  const change = readEmailChangeToken(token);
  if (!change) return;
  const user = await db.user.findUnique({ where: { id: change.userId }, select: { email: true, name: true } });
  if (user?.email !== change.newEmail) return;
  await cancelPendingEmailChange(change.userId);
  const device = requestDevice(headers);
  await recordSecurityEvent({ userId: change.userId, type: "email_changed", device, detail: change.newEmail });
  await sendMail(change.oldEmail, emailChangedMail(env.APP_NAME, user.name, change.newEmail, `${env.BETTER_AUTH_URL}/forgot-password`, eventFacts(device)));
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
  secret: env.BETTER_AUTH_SECRET,
  database: prismaAdapter(db, { provider, transaction: true }),
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
      await recordSecurityEvent({ userId: user.id, type: "password_changed", device: requestDevice(request?.headers), detail: "Reset by email link" });
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
  // Unlinking goes through /api/account/connections, which refuses to remove the last way to sign in
  // in one statement; better-auth's endpoint checks and deletes in two, so two requests can race.
  disabledPaths: ["/unlink-account"],
  emailVerification: {
    sendOnSignUp: true,
    sendOnSignIn: true,
    autoSignInAfterVerification: true,
    expiresIn: 60 * 60,
    sendVerificationEmail: async ({ user, url, token }) => {
      // The same sender serves sign-up and a change of address; the reader needs to know which.
      const mail = readEmailChangeToken(token)
        ? confirmNewEmailMail(env.APP_NAME, user.name, url)
        : verifyEmailMail(env.APP_NAME, user.name, landOnVerifyPage(url));
      await sendMail(user.email, mail);
    },
  },
  user: {
    // The address changes only when the link mailed to the new one is opened (see the hooks below).
    changeEmail: { enabled: true },
    deleteUser: {
      enabled: true,
      // Deleting takes the link from this mail: a stolen session alone cannot delete the account.
      deleteTokenExpiresIn: 60 * 60,
      sendDeleteAccountVerification: async ({ user, token }, request) => {
        const url = `${env.BETTER_AUTH_URL}${DELETE_CONFIRM_PATH}?token=${encodeURIComponent(token)}`;
        await sendMail(user.email, deleteAccountMail(env.APP_NAME, user.name, url, eventFacts(requestDevice(request?.headers))));
      },
      // better-auth deletes the user, then the sessions, one statement at a time; do it all in one
      // transaction first, so its own deletes find nothing left and nothing is ever half-deleted.
      beforeDelete: async (user) => {
        await deleteAccountData(user.id);
      },
    },
  },
  session: {
    // No cookie cache: a revoked session must stop working on the very next request.
    cookieCache: { enabled: false },
    // better-auth writes a session's updatedAt when it extends it; doing that hourly (not daily) is
    // what lets the sessions list say when each device was last active, at one write per hour.
    updateAge: 60 * 60,
  },
  rateLimit: {
    // On in every environment, kept in the database so limits hold across restarts and instances.
    enabled: true,
    storage: "database",
    // A test suite sends every request from one address: it may raise the allowance, never remove it.
    customRules: env.RATE_LIMIT_SCALE === 1 ? undefined : { "/**": (_request, rule) => ({ ...rule, max: rule.max * env.RATE_LIMIT_SCALE }) },
  },
  advanced: {
    database: { joins: true },
    // X-Forwarded-For is believed only as far as TRUSTED_PROXIES reaches (scripts/start.mjs puts the
    // connection's own address at its end).
    ipAddress: ipAddressOptions,
  },
  databaseHooks: {
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
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path === "/verify-email") return refuseCancelledEmailChange(ctx.query?.token, ctx.query?.callbackURL, ctx.redirect);
      if (STEP_UP_PATHS.has(ctx.path)) await refuseWithoutStepUp(ctx.headers);
      if (ctx.path === "/two-factor/verify-totp") await refuseReplayedTotp(ctx);
      if (ctx.path === "/two-factor/verify-backup-code") return compareBackupCodeAsHash(ctx.body);
      const rules = bodyRules[ctx.path];
      if (!rules) return;
      const body: Record<string, unknown> = { ...(ctx.body as Record<string, unknown> | undefined) };
      for (const [field, schema] of Object.entries(rules)) {
        const result = schema.safeParse(body[field]);
        if (!result.success) {
          throw new APIError("BAD_REQUEST", { code: "INVALID_INPUT", message: result.error.issues[0]?.message ?? "Invalid input." });
        }
        // Store what the schema produced (a trimmed name), not what was sent.
        if (field in body) body[field] = result.data;
      }
      return { context: { body } };
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path === "/change-email" && !isAPIError(ctx.context.returned) && ctx.context.session) {
        // Recorded whether or not the address belongs to someone else: the answer must not tell.
        const { newEmail } = ctx.body as { newEmail: string };
        await recordPendingEmailChange(ctx.context.session.user.id, newEmail);
        await recordSecurityEvent({ userId: ctx.context.session.user.id, type: "email_change_requested", device: requestDevice(ctx.headers), detail: newEmail });
      }
      if (ctx.path === "/verify-email") await finishEmailChange(ctx.query?.token, ctx.headers);
    }),
  },
  plugins: [
    ...(oidcProviders.length > 0 ? [genericOAuth({ config: oidcProviders })] : []),
    twoFactor({
      issuer: env.APP_NAME,
      // Codes are secrets: kept only as hashes (lib/account/backup-codes).
      backupCodeOptions: { amount: 10, storeBackupCodes: hashedBackupCodes },
      trustDeviceMaxAge: 30 * 24 * 60 * 60,
    }),
    // After twoFactor, so that it sees a sign-in only once the second step is done.
    securityActivity({ findSession }),
    // API clients authenticate with the session token from sign-in's set-auth-token header; only the
    // signed form is accepted, as in the cookie.
    bearer({ requireSignature: true }),
    // Lets server actions set cookies; must stay last.
    nextCookies(),
  ],
} satisfies BetterAuthOptions);

export type Session = typeof auth.$Infer.Session;
