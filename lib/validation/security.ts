import { z } from "zod";
import { passwordSchema } from "./user";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
    revokeOtherSessions: z.boolean(),
  })
  .refine((values) => values.newPassword === values.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match.",
  });

/** Re-entering the password before a two-factor change. */
export const confirmPasswordSchema = z.object({
  password: z.string().min(1, "Enter your password."),
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
