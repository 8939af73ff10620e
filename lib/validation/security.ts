import { z } from "zod";
import { passwordSchema } from "./user";

const passwordChangeFields = {
  currentPassword: z.string().min(1, "Enter your current password."),
  newPassword: passwordSchema,
  revokeOtherSessions: z.boolean(),
};

export const changePasswordSchema = z
  .object({ ...passwordChangeFields, confirmPassword: z.string() })
  .refine((values) => values.newPassword === values.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

/** The API's password change: the form's fields, less the confirmation that only guards typing. */
export const changePasswordRequestSchema = z.strictObject({
  ...passwordChangeFields,
  revokeOtherSessions: passwordChangeFields.revokeOtherSessions.default(false),
});

/** Re-entering the password before a two-factor change. */
export const confirmPasswordSchema = z.object({
  password: z.string().min(1, "Enter your password."),
});

/** Step-up: the password, and a code (authenticator or backup) when two-factor is on. */
export const stepUpSchema = z.strictObject({
  password: confirmPasswordSchema.shape.password,
  code: z.string().trim().min(1, "Enter a code.").max(32, "That is not a code.").optional(),
});

export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.");

// better-auth's backup codes are 10 characters, shown as two groups of five.
export const backupCodeSchema = z
  .string()
  .trim()
  .min(1, "Enter one of your backup codes.")
  .max(32, "That is not a backup code.");

// Ids of our own rows (sessions, linked accounts) as they arrive in a URL.
export const recordIdSchema = z.string().trim().min(1).max(128);

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
export type ConfirmPasswordInput = z.infer<typeof confirmPasswordSchema>;
export type StepUpInput = z.infer<typeof stepUpSchema>;
