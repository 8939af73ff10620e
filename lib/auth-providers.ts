import "server-only";
import { env } from "@/lib/env";

export type SignInProvider = { id: string; name: string };

/** The providers this deployment has credentials for, in the order their buttons appear. */
export const signInProviders: SignInProvider[] = [
  ...(env.GITHUB_CLIENT_ID ? [{ id: "github", name: "GitHub" }] : []),
  ...(env.GOOGLE_CLIENT_ID ? [{ id: "google", name: "Google" }] : []),
  ...(env.OIDC_ISSUER ? [{ id: "oidc", name: env.OIDC_NAME }] : []),
];

export const providerName = (providerId: string) =>
  providerId === "credential" ? "Email & password" : (signInProviders.find((provider) => provider.id === providerId)?.name ?? providerId);
