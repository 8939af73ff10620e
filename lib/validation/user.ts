// zod/mini: these schemas run in the browser too, and mini's functions tree-shake (about a fifth of
// classic zod's size in a page's JavaScript). The server takes the very same schemas.
import * as z from "zod/mini";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-length";

// C0/C1 control characters and the Unicode bidirectional overrides and isolates, which can make a
// name display as something other than what it is.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const nameSchema = z.string().check(
  z.trim(),
  z.minLength(1, "Enter your name."),
  z.maxLength(100, "Use at most 100 characters."),
  z.refine((name) => !UNSAFE_CHARACTERS.test(name), "Remove control or text-direction characters from your name."),
);

export const emailSchema = z.pipe(
  z.string().check(z.trim(), z.toLowerCase()),
  z.email("Enter a valid email address.").check(z.maxLength(254, "Use at most 254 characters.")),
);

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

export const passwordSchema = z
  .string()
  .check(z.minLength(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`), z.maxLength(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`));

export const updateNameSchema = z.object({ name: nameSchema });
export type UpdateNameInput = z.infer<typeof updateNameSchema>;

/**
 * Through better-auth's update endpoint a picture can only be removed: one pointing anywhere else would
 * make every page load an image from a stranger's server.
 */
export const imageUpdateSchema = z.optional(z.null("Upload a picture from your profile page instead."));

export const changeEmailSchema = z.object({ newEmail: emailSchema });
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;
