/** Every page a person can reach, for the checks that apply to all of them. */
export const publicPages = [
  { name: "sign-in", path: "/sign-in" },
  { name: "sign-in-after-report", path: "/sign-in?reported=1" },
  { name: "sign-up", path: "/sign-up" },
  { name: "forgot-password", path: "/forgot-password" },
  { name: "reset-password", path: "/reset-password?token=any" },
  { name: "reset-password-invalid", path: "/reset-password?error=INVALID_TOKEN" },
  { name: "verify-email", path: "/verify-email" },
  { name: "verify-email-invalid", path: "/verify-email?error=INVALID_TOKEN" },
  { name: "two-factor", path: "/two-factor" },
  { name: "goodbye", path: "/goodbye" },
  { name: "goodbye-scheduled", path: "/goodbye?scheduled=1" },
  { name: "undo-email-change-invalid", path: "/undo-email-change?token=not-a-link" },
] as const;

export const accountPages = [
  { name: "account-profile", path: "/account/profile" },
  { name: "account-security", path: "/account/security" },
  { name: "account-profile-delete-link-invalid", path: "/account/profile?delete=invalid-link" },
  { name: "account-security-older-activity", path: "/account/security?activity=2" },
] as const;

export const colorSchemes = ["light", "dark"] as const;
