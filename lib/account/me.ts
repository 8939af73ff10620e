import "server-only";
import type { Session } from "@/lib/auth";
import { getSignInMethods } from "./connections";

/** The profile as the REST API describes it (GET /api/auth/users/me): the session's user, and how they sign in. */
export async function getAccountSummary(user: Session["user"]) {
  const { connections, hasPassword } = await getSignInMethods(user.id);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    emailVerified: user.emailVerified,
    image: user.image ?? null,
    createdAt: user.createdAt,
    twoFactorEnabled: Boolean(user.twoFactorEnabled),
    hasPassword,
    providers: connections.map(({ id, providerId, provider, accountName, linkedAt }) => ({ id, providerId, name: provider, accountName, linkedAt })),
  };
}
