import "server-only";
import { hashedBackupCodes } from "./backup-codes";

export type TwoFactorStatus = { enabled: boolean; backupCodesLeft: number };

/** From the user's two-factor flag (the session has it) and their two-factor row's stored codes. */
export async function twoFactorStatus(enabled: boolean | null | undefined, row: { backupCodes: string } | undefined): Promise<TwoFactorStatus> {
  if (!enabled || !row) return { enabled: Boolean(enabled), backupCodesLeft: 0 };
  const codes = JSON.parse(await hashedBackupCodes.decrypt(row.backupCodes)) as string[];
  return { enabled: true, backupCodesLeft: codes.length };
}
