import "server-only";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";

export type TwoFactorStatus = { enabled: boolean; backupCodesLeft: number };

export async function getTwoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { twoFactorEnabled: true } });
  if (!user?.twoFactorEnabled) return { enabled: false, backupCodesLeft: 0 };
  // Backup codes are stored encrypted; better-auth's server-only endpoint decrypts them for us.
  const { backupCodes } = await auth.api.viewBackupCodes({ body: { userId } });
  return { enabled: true, backupCodesLeft: backupCodes.length };
}

