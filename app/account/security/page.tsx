import type { Metadata } from "next";
import { z } from "zod";
import { PageHeader } from "@/components/account/page-header";
import { ChangePasswordForm } from "@/components/account/security/change-password-form";
import { SecurityActivity } from "@/components/account/security/security-activity";
import { SessionsList } from "@/components/account/security/sessions-list";
import { TwoFactorCard } from "@/components/account/security/two-factor-card";
import { Card } from "@/components/ui/card";
import { ACTIVITY_RETENTION_DAYS, listSecurityActivity } from "@/lib/account/activity";
import { hasPassword } from "@/lib/account/password";
import { listActiveSessions } from "@/lib/account/sessions";
import { getTwoFactorStatus } from "@/lib/account/two-factor";
import { env } from "@/lib/env";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Security" };

// Page numbers of the activity list; anything else shows the first page.
const activityPageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export default async function SecurityPage({ searchParams }: PageProps<"/account/security">) {
  const session = await requireSession();
  const userId = session.user.id;
  const activityPage = activityPageSchema.parse((await searchParams).activity);
  const [passwordSet, twoFactor, sessions, activity] = await Promise.all([
    hasPassword(userId),
    getTwoFactorStatus(userId),
    listActiveSessions(userId, session.session.id),
    listSecurityActivity(userId, activityPage, session.session.id),
  ]);

  return (
    <>
      <PageHeader title="Security" description="Your password, two-factor authentication, the devices signed in to your account and its security activity." />
      <div className="flex flex-col gap-6">
        <Card title="Password" description="Change the password you sign in with.">
          {passwordSet ? (
            <ChangePasswordForm />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">You sign in with a connected account and have no password yet. Set one from your profile.</p>
          )}
        </Card>
        <Card title="Two-factor authentication" description="A code from an authenticator app at every sign-in, on top of your password.">
          {passwordSet ? (
            <TwoFactorCard enabled={twoFactor.enabled} backupCodesLeft={twoFactor.backupCodesLeft} appName={env.APP_NAME} />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Two-factor authentication needs a password. Set one first.</p>
          )}
        </Card>
        <Card title="Active sessions" description="Devices signed in to your account. Revoke any you do not recognise.">
          <SessionsList
            sessions={sessions.map((s) => ({ ...s, signedInAt: s.signedInAt.toISOString(), lastActiveAt: s.lastActiveAt.toISOString() }))}
          />
        </Card>
        <Card
          id="activity"
          title="Security activity"
          description={`Sign-ins and changes to your account's security from the last ${ACTIVITY_RETENTION_DAYS} days, newest first. A sign-in you do not recognise? Choose "This wasn't me".`}
        >
          <SecurityActivity
            entries={activity.entries.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() }))}
            page={activity.page}
            hasOlder={activity.hasOlder}
            email={session.user.email}
          />
        </Card>
      </div>
    </>
  );
}
