import "server-only";
import { db } from "@/lib/db";
import type { Session } from "@/lib/auth";
import { securityActivityQuery, toSecurityActivityPage, type SecurityActivityPage } from "./activity";
import { passkeysQuery, toPasskeySummaries, type PasskeySummary } from "./passkeys";
import { activeSessionsQuery, toActiveSessions, type ActiveSession } from "./sessions";
import { twoFactorStatus, type TwoFactorStatus } from "./two-factor";

export type SecurityOverview = { twoFactor: TwoFactorStatus; passkeys: PasskeySummary[]; sessions: ActiveSession[]; activity: SecurityActivityPage };

/**
 * What the security page shows beyond the session, in one read of the user row with its relations:
 * on PostgreSQL a single statement (Prisma's relation joins), on SQLite one per table.
 */
export async function getSecurityOverview({ user, session }: Session, activityPage: number): Promise<SecurityOverview> {
  const row = await db.user.findUnique({
    where: { id: user.id },
    select: {
      twoFactors: { select: { backupCodes: true }, take: 1 },
      passkeys: passkeysQuery(),
      sessions: activeSessionsQuery(),
      securityEvents: securityActivityQuery(activityPage),
    },
  });
  return {
    twoFactor: await twoFactorStatus(user.twoFactorEnabled, row?.twoFactors[0]),
    passkeys: toPasskeySummaries(row?.passkeys ?? []),
    sessions: toActiveSessions(row?.sessions ?? [], session.id),
    activity: toSecurityActivityPage(row?.securityEvents ?? [], activityPage, session.id),
  };
}
