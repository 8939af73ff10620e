import { z } from "zod";

// What the REST API answers with. Handlers build their answers as these types, and the OpenAPI
// document describes them from the same schemas.

const date = z.iso.datetime();
const location = z.string().nullable().meta({ description: 'Where the address is: "London, United Kingdom", "This network" for a private one, or null.' });

export const errorSchema = z.object({
  error: z.object({ code: z.string().meta({ examples: ["STEP_UP_TOKEN_MISSING"] }), message: z.string() }),
});

export const profileSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.email(),
  emailVerified: z.boolean(),
  image: z.string().nullable().meta({ description: "Path of the profile picture on this server." }),
  createdAt: date,
  twoFactorEnabled: z.boolean(),
  hasPassword: z.boolean(),
  providers: z.array(z.object({ id: z.string(), providerId: z.string(), name: z.string(), accountName: z.string(), linkedAt: date })),
});

export const secondFactorSchema = z.object({
  emailCode: z.boolean().meta({ description: "Whether a code mailed to the address is one of the ways through the second step." }),
  methods: z.array(z.enum(["authenticator", "email", "passkey", "backup"])).meta({ description: "The second step's methods, in the order offered." }),
  preferred: z.enum(["authenticator", "email", "passkey"]).meta({ description: "The method the second step opens on." }),
});

export const avatarSchema = z.object({ image: z.string() });

export const emailChangeStartedSchema = z.object({
  status: z.literal("verification_sent"),
  pendingEmail: z.email(),
  expiresAt: date.nullable(),
});

export const passwordChangedSchema = z.object({
  status: z.literal("password_changed"),
  otherSessionsRevoked: z.boolean(),
  token: z.string().nullable().meta({ description: "The new bearer token when the sessions were revoked." }),
});

export const stepUpTokenSchema = z.object({ token: z.string(), expiresAt: date, header: z.literal("x-step-up-token") });

export const sessionSchema = z.object({
  id: z.string(),
  browser: z.string(),
  os: z.string(),
  ipAddress: z.string().nullable(),
  location,
  signedInAt: date,
  lastActiveAt: date,
  current: z.boolean(),
});

export const sessionsSchema = z.object({ sessions: z.array(sessionSchema) });

export const revokedSchema = z.object({ revoked: z.number().int() });

export const activityEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  device: z.string(),
  ipAddress: z.string().nullable(),
  location,
  createdAt: date,
  currentSession: z.boolean(),
});

export const activityPageSchema = z.object({ page: z.number().int(), hasOlder: z.boolean(), entries: z.array(activityEntrySchema) });

export const reportedSchema = z.object({ signedOut: z.literal(true), passwordResetSent: z.literal(true) });


export const passkeySchema = z.object({
  id: z.string(),
  name: z.string().meta({ description: "The person's name for it, or the authenticator's (\"iCloud Keychain\", \"1Password\")." }),
  createdAt: date,
  lastUsedAt: date.nullable(),
  synced: z.boolean().meta({ description: "Backed up to a password manager or a platform keychain, rather than kept on one device." }),
});

export const passkeysSchema = z.object({ passkeys: z.array(passkeySchema) });

export const trustedDeviceSchema = z.object({
  id: z.string(),
  browser: z.string(),
  os: z.string(),
  ipAddress: z.string().nullable().meta({ description: "The address it last signed in from." }),
  location,
  trustedAt: date,
  lastUsedAt: date,
  expiresAt: date,
  current: z.boolean().meta({ description: "The device making this request." }),
});

export const trustedDevicesSchema = z.object({ trustedDevices: z.array(trustedDeviceSchema) });

export const passkeyOptionsSchema = z.object({
  challenge: z.string(),
  rpId: z.string(),
  timeout: z.number().optional(),
  userVerification: z.literal("required"),
  allowCredentials: z.array(z.object({ id: z.string(), type: z.literal("public-key"), transports: z.array(z.string()).optional() })),
});


export const deletionScheduledSchema = z.object({ status: z.literal("scheduled"), deletesAt: date });

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  start: z.string().meta({ description: "The key's first characters, to recognise it by." }),
  scope: z.enum(["read", "manage"]),
  createdAt: date,
  expiresAt: date.nullable(),
  lastUsedAt: date.nullable(),
});

export const apiKeysSchema = z.object({ apiKeys: z.array(apiKeySchema) });

export const createdApiKeySchema = apiKeySchema.extend({ key: z.string().meta({ description: "The key itself, in this answer only." }) });

/** What "Download my data" gives: everything the account holds about the person, never a secret. */
export const accountExportSchema = z.object({
  format: z.literal("bastion-account-export/1"),
  exportedAt: date,
  profile: profileSchema.pick({ id: true, name: true, email: true, emailVerified: true, image: true, createdAt: true }),
  pendingEmailChange: z.object({ newEmail: z.email(), expiresAt: date }).nullable(),
  signInMethods: z.object({
    password: z.boolean().meta({ description: "Whether a password is set; never the password or its hash." }),
    providers: z.array(z.object({ provider: z.string(), accountName: z.string(), linkedAt: date })).meta({ description: "Linked accounts; never their tokens." }),
  }),
  twoFactor: z
    .object({ enabled: z.boolean(), backupCodesLeft: z.number().int(), emailCode: secondFactorSchema.shape.emailCode, preferred: secondFactorSchema.shape.preferred })
    .meta({ description: "Never the authenticator key or the codes." }),
  passkeys: z.array(passkeySchema),
  trustedDevices: z.array(trustedDeviceSchema),
  apiKeys: z.array(apiKeySchema).meta({ description: "Never the keys themselves." }),
  sessions: z.array(sessionSchema),
  securityActivity: z.array(activityEntrySchema).meta({ description: "Everything the activity keeps (90 days), newest first." }),
});
