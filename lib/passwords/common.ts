import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import * as z from "zod/mini";
import { passwordSchema } from "@/lib/validation/user";

let commonPasswords: Set<string> | undefined;

/**
 * Whether a password is on zxcvbn's list of the ~50,000 most common ones, ignoring case. The list
 * ships with the package: no network call, and it stays on the server (it would double a page's
 * JavaScript).
 */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary["passwords-common"] as string[]);
  return commonPasswords.has(password.toLowerCase());
}

/** The form's password rule plus the common-password check, for every place a password is chosen. */
export const newPasswordSchema = passwordSchema.check(z.refine((password) => !isCommonPassword(password), "This password is one of the most common and easy to guess. Choose another."));
