import "server-only";
import { db } from "@/lib/db";

/** Whether the person can sign in with a password (someone who signed up with a provider may not). */
export async function hasPassword(userId: string): Promise<boolean> {
  const account = await db.account.findFirst({ where: { userId, providerId: "credential", password: { not: null } }, select: { id: true } });
  return account !== null;
}
