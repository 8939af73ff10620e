import * as z from "zod/mini";
import { passkeyAssertionSchema } from "./passkeys";
import { passwordSchema } from "./user";

const passwordChangeFields = {
  currentPassword: z.string().check(z.minLength(1, "Enter your current password.")),
  newPassword: passwordSchema,
  revokeOtherSessions: z.boolean(),
};

export const changePasswordSchema = z.object({ ...passwordChangeFields, confirmPassword: z.string() }).check(
  z.refine((values) => values.newPassword === values.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  }),
);

/** The API's password change: the form's fields, less the confirmation that only guards typing. */
export const changePasswordRequestSchema = z.strictObject({
  ...passwordChangeFields,
  revokeOtherSessions: z._default(passwordChangeFields.revokeOtherSessions, false),
});

/** Re-entering the password before a two-factor change. */
export const confirmPasswordSchema = z.object({
  password: z.string().check(z.minLength(1, "Enter your password.")),
});

const stepUpCodeSchema = z.string().check(z.trim(), z.minLength(1, "Enter a code."), z.maxLength(32, "That is not a code."));

/** Step-up: the password, and a code (authenticator or backup) when two-factor is on. */
export const stepUpSchema = z.strictObject({
  password: confirmPasswordSchema.shape.password,
  code: z.optional(stepUpCodeSchema),
});

/** Where a step-up code comes from; without it, six digits are the authenticator's and anything else a backup code. */
export const codeMethodSchema = z.enum(["authenticator", "email", "backup"]);

/**
 * What the step-up endpoint takes: the password (and a code), or instead a passkey, which stands for
 * both.
 */
export const stepUpRequestSchema = z
  .strictObject({
    password: z.optional(stepUpSchema.shape.password),
    code: z.optional(stepUpCodeSchema),
    codeMethod: z.optional(codeMethodSchema),
    passkey: z.optional(passkeyAssertionSchema),
  })
  .check(
    z.refine((body) => (body.password === undefined) !== (body.passkey === undefined), {
      path: ["password"],
      message: "Send your password (and a code when two-factor is on), or a passkey.",
    }),
  );

/** The step-up form of an account with two-factor on, where the code is asked for too. */
export const stepUpWithCodeSchema = z.strictObject({ ...stepUpSchema.shape, code: stepUpCodeSchema });

/** The second step's methods a person can choose to open on (a backup code is never the first choice). */
export const preferredSecondFactorSchema = z.enum(["authenticator", "email", "passkey"], "Choose the authenticator app, a code by email or a passkey.");
export const preferredSecondFactorRequestSchema = z.strictObject({ method: preferredSecondFactorSchema });

export const emailCodeSchema = z.string().check(z.trim(), z.regex(/^\d{6}$/, "Enter the 6-digit code from the email."));

export const totpCodeSchema = z.string().check(z.trim(), z.regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."));

// better-auth's backup codes are 10 characters, shown as two groups of five.
export const backupCodeSchema = z.string().check(z.trim(), z.minLength(1, "Enter one of your backup codes."), z.maxLength(32, "That is not a backup code."));

// Ids of our own rows (sessions, linked accounts) as they arrive in a URL.
export const recordIdSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(128));

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type ConfirmPasswordInput = z.infer<typeof confirmPasswordSchema>;
export type StepUpInput = z.infer<typeof stepUpSchema>;
export type StepUpRequest = z.infer<typeof stepUpRequestSchema>;
export type CodeMethod = z.infer<typeof codeMethodSchema>;
export type PreferredSecondFactor = z.infer<typeof preferredSecondFactorSchema>;
