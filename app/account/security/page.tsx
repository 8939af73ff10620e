import type { Metadata } from "next";
import { headers } from "next/headers";
import { z } from "zod";
import { SecurityView } from "@/components/account/security/security-view";
import { StepUpProvider } from "@/components/account/step-up";
import { ACTIVITY_RETENTION_DAYS } from "@/lib/account/activity";
import { secondFactorState, stepUpProofs } from "@/lib/account/second-factor";
import { getSecurityOverview } from "@/lib/account/security-overview";
import { trustIdentifier } from "@/lib/account/trusted-devices";
import { env } from "@/lib/env";
import { ATTRIBUTION } from "@/lib/location";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Security" };

// Page numbers of the activity list; anything else shows the first page.
const activityPageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export default async function SecurityPage({ searchParams }: PageProps<"/account/security">) {
  const session = await requireSession();
  const activityPage = activityPageSchema.parse((await searchParams).activity);
  const trust = trustIdentifier(await headers());
  const { signInMethods, twoFactor, passkeys, sessions, trustedDevices, apiKeys, activity } = await getSecurityOverview(session, activityPage, trust);
  return (
    <StepUpProvider proofs={stepUpProofs(session.user, signInMethods)}>
      <SecurityView
        email={session.user.email}
        appName={env.APP_NAME}
        hasPassword={signInMethods.hasPassword}
        twoFactor={twoFactor}
        secondFactor={secondFactorState(session.user, signInMethods.hasPasskey)}
        passkeys={passkeys.map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), lastUsedAt: p.lastUsedAt?.toISOString() ?? null }))}
        sessions={sessions.map((s) => ({ ...s, signedInAt: s.signedInAt.toISOString(), lastActiveAt: s.lastActiveAt.toISOString() }))}
        apiKeys={apiKeys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), expiresAt: k.expiresAt?.toISOString() ?? null, lastUsedAt: k.lastUsedAt?.toISOString() ?? null }))}
        trustedDevices={trustedDevices.map((d) => ({ ...d, trustedAt: d.trustedAt.toISOString(), lastUsedAt: d.lastUsedAt.toISOString(), expiresAt: d.expiresAt.toISOString() }))}
        activity={{
          entries: activity.entries.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
          page: activity.page,
          hasOlder: activity.hasOlder,
          retentionDays: ACTIVITY_RETENTION_DAYS,
        }}
        placeCredit={ATTRIBUTION}
      />
    </StepUpProvider>
  );
}
