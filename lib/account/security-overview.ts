import "server-only";
import type { Session } from "@/lib/auth";
import { readRelations } from "@/lib/relations";
import { securityActivityPage, securityActivityRelation, toSecurityActivityEntry, toSecurityActivityPage, type SecurityActivityPage } from "./activity";
import { apiKeysRelation, toApiKeySummaries, type ApiKeySummary } from "./api-keys";
import { getSignInMethods, type SignInMethods } from "./connections";
import { passkeysRelation, toPasskeySummaries, type PasskeySummary } from "./passkeys";
import { activeSessionsRelation, toActiveSessions, type ActiveSession } from "./sessions";
import { toTrustedDevices, trustedDevicesRelation, type TrustedDeviceSummary } from "./trusted-devices";
import { backupCodesRelation, twoFactorStatus, type TwoFactorStatus } from "./two-factor";

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
 * What the security page shows beyond the session, in one statement on both databases, with the
 * sign-in methods (which the step-up dialog needs; a page has them from its session's statement).
 * With "all", the whole activity kept rather than one page of it (the data download).
 */
export async function getSecurityOverview({ user, session }: Session, activityPage: number | "all", trustIdentifier: string | null): Promise<SecurityOverview> {
  const [signInMethods, rows] = await Promise.all([
    getSignInMethods(user.id),
    readRelations(user.id, {
      twoFactors: { relation: backupCodesRelation, limit: 1 },
      passkeys: { relation: passkeysRelation },
      sessions: { relation: activeSessionsRelation },
      trustedDevices: { relation: trustedDevicesRelation },
      apiKeys: { relation: apiKeysRelation },
      events: activityPage === "all" ? { relation: securityActivityRelation } : securityActivityPage(activityPage),
    }),
  ]);
  return {
    signInMethods,
    twoFactor: await twoFactorStatus(user.twoFactorEnabled, rows.twoFactors[0]),
    passkeys: toPasskeySummaries(rows.passkeys),
    sessions: toActiveSessions(rows.sessions, session.id),
    trustedDevices: toTrustedDevices(rows.trustedDevices, trustIdentifier),
    apiKeys: toApiKeySummaries(rows.apiKeys),
    activity:
      activityPage === "all"
        ? { page: 1, hasOlder: false, entries: rows.events.map((event) => toSecurityActivityEntry(event, session.id)) }
        : toSecurityActivityPage(rows.events, activityPage, session.id),
  };
}
