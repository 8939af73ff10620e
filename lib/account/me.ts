import "server-only";
import { db } from "@/lib/db";
import { listConnections } from "./connections";
import { hasPassword } from "./password";

/** The profile as the REST API describes it: GET /api/auth/users/me. */
export async function getAccountSummary(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, emailVerified: true, image: true, createdAt: true, twoFactorEnabled: true },
  });
  if (!user) return null;
  const [connections, passwordSet] = await Promise.all([listConnections(userId), hasPassword(userId)]);
  return {
    ...user,
    twoFactorEnabled: Boolean(user.twoFactorEnabled),
    hasPassword: passwordSet,
    providers: connections.map(({ id, providerId, provider, accountName, linkedAt }) => ({ id, providerId, name: provider, accountName, linkedAt })),
  };
}
