import type { SecondStepMethod } from "@/lib/account/second-factor";

/** How the second step's methods are named wherever a person chooses between them. */
export const METHOD_CHOICES: Record<SecondStepMethod, { label: string; hint: string }> = {
  authenticator: { label: "Authenticator app", hint: "The 6-digit code from your app." },
  email: { label: "Code by email", hint: "We email a 6-digit code to your address." },
  passkey: { label: "Passkey", hint: "Your fingerprint, face or device PIN." },
  backup: { label: "Backup code", hint: "One of the codes you saved." },
};
