import "server-only";
import { db } from "@/lib/db";

export type Profile = { name: string; email: string; emailVerified: boolean; image: string | null; createdAt: Date };

export async function getProfile(userId: string): Promise<Profile | null> {
  return db.user.findUnique({
    where: { id: userId },
    select: { name: true, email: true, emailVerified: true, image: true, createdAt: true },
  });
}
