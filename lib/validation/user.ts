import { z } from "zod";

// C0/C1 control characters and the Unicode bidirectional overrides and isolates, which can make a
// name display as something other than what it is.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const nameSchema = z
  .string()
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters.")
  .refine((name) => !UNSAFE_CHARACTERS.test(name), "Remove control or text-direction characters from your name.");

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254, "Use at most 254 characters."));

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const updateNameSchema = z.object({ name: nameSchema });
export type UpdateNameInput = z.infer<typeof updateNameSchema>;

/**
 * Through better-auth's update endpoint a picture can only be removed: one pointing anywhere else would
 * make every page load an image from a stranger's server.
 */
export const imageUpdateSchema = z.null("Upload a picture from your profile page instead.").optional();

export const changeEmailSchema = z.object({ newEmail: emailSchema });
/** Where the link mailed to a new address leads once it is opened, however the change was asked for. */
export const EMAIL_CHANGE_CALLBACK = "/account/profile?email-change=done";
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;
