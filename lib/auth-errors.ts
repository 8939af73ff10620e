type AuthClientError = { code?: string; message?: string; status?: number } | null | undefined;

// better-auth's messages are written for developers; these are for the person at the form.
export const AUTH_ERROR_MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "The email or password is incorrect.",
  EMAIL_NOT_VERIFIED: "Verify your email address first. We have sent you a new link.",
  INVALID_TOKEN: "This link is invalid or has already been used. Ask for a new one.",
  TOKEN_EXPIRED: "This link has expired. Ask for a new one.",
  PASSWORD_TOO_SHORT: "Use at least 8 characters.",
  PASSWORD_TOO_LONG: "Use at most 128 characters.",
  INVALID_PASSWORD: "The password is incorrect.",
  INVALID_CODE: "That code is not right. Check your authenticator app and try again.",
  CODE_ALREADY_USED: "That code has already been used. Wait for the next one in your authenticator app.",
  INVALID_BACKUP_CODE: "That backup code is not right, or it has already been used.",
  INVALID_TWO_FACTOR_COOKIE: "Your sign-in took too long. Sign in again.",
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: "Too many wrong codes. Sign in again.",
  ACCOUNT_TEMPORARILY_LOCKED: "Too many wrong codes. Two-factor sign-in is locked for a while; try again later.",
  TOTP_ALREADY_ENABLED: "Two-factor authentication is already on.",
};

export function authErrorMessage(error: AuthClientError): string {
  if (error?.status === 429) return "Too many attempts. Wait a minute and try again.";
  if (error?.code && AUTH_ERROR_MESSAGES[error.code]) return AUTH_ERROR_MESSAGES[error.code]!;
  // Our own validation hook answers with the zod message, already written for people.
  if (error?.code === "INVALID_INPUT" && error.message) return error.message;
  return "Something went wrong. Try again in a moment.";
}
