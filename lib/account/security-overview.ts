import "server-only";
import { db } from "@/lib/db";
import type { Session } from "@/lib/auth";
import { apiKeysQuery, toApiKeySummaries, type ApiKeySummary } from "./api-keys";
import { signInAccountsQuery, toSignInMethods, type SignInMethods } from "./connections";
import { allSecurityActivityQuery, securityActivityQuery, toSecurityActivityEntry, toSecurityActivityPage, type SecurityActivityPage } from "./activity";
import { passkeysQuery, toPasskeySummaries, type PasskeySummary } from "./passkeys";
import { activeSessionsQuery, toActiveSessions, type ActiveSession } from "./sessions";
import { toTrustedDevices, trustedDevicesQuery, type TrustedDeviceSummary } from "./trusted-devices";
import { twoFactorStatus, type TwoFactorStatus } from "./two-factor";

export type SecurityOverview = {
  signInMethods: SignInMethods;
  twoFactor: TwoFactorStatus;
  passkeys: PasskeySummary[];
  sessions: ActiveSession[];
  trustedDevices: TrustedDeviceSummary[];
  apiKeys: ApiKeySummary[];
  activity: SecurityActivityPage;
};

/**
 * What the security page shows beyond the session, sign-in methods included (which the step-up dialog
 * needs), in one read of the user row with its relations: on PostgreSQL a single statement (Prisma's
 * relation joins), on SQLite one per table. With "all", the whole activity kept rather than one page
 * of it (the data download).
 */
export async function getSecurityOverview({ user, session }: Session, activityPage: number | "all", trustIdentifier: string | null): Promise<SecurityOverview> {
  const row = await db.user.findUnique({
    where: { id: user.id },
    select: {
      accounts: signInAccountsQuery(),
      twoFactors: { select: { backupCodes: true }, take: 1 },
      passkeys: passkeysQuery(),
      sessions: activeSessionsQuery(),
      trustedDevices: trustedDevicesQuery(),
      apiKeys: apiKeysQuery(),
      securityEvents: activityPage === "all" ? allSecurityActivityQuery() : securityActivityQuery(activityPage),
    },
  });
  const passkeys = toPasskeySummaries(row?.passkeys ?? []);
  return {
    signInMethods: toSignInMethods(row?.accounts ?? [], passkeys.length > 0),
    twoFactor: await twoFactorStatus(user.twoFactorEnabled, row?.twoFactors[0]),
    passkeys,
    sessions: toActiveSessions(row?.sessions ?? [], session.id),
    trustedDevices: toTrustedDevices(row?.trustedDevices ?? [], trustIdentifier),
    apiKeys: toApiKeySummaries(row?.apiKeys ?? []),
    activity:
      activityPage === "all"
        ? { page: 1, hasOlder: false, entries: (row?.securityEvents ?? []).map((event) => toSecurityActivityEntry(event, session.id)) }
        : toSecurityActivityPage(row?.securityEvents ?? [], activityPage, session.id),
  };
}
