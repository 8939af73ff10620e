import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/account/page-header";
import { ConnectedAccounts } from "@/components/account/profile/connected-accounts";
import { DeleteAccountCard } from "@/components/account/profile/delete-account-card";
import { EmailForm } from "@/components/account/profile/email-form";
import { NameForm } from "@/components/account/profile/name-form";
import { ProfileSummary } from "@/components/account/profile/profile-summary";
import { Card } from "@/components/ui/card";
import { listConnections } from "@/lib/account/connections";
import { getPendingEmailChange } from "@/lib/account/email-change";
import { hasPassword } from "@/lib/account/password";
import { getProfile } from "@/lib/account/profile";
import { signInProviders } from "@/lib/auth-providers";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  const userId = session.user.id;
  const [profile, pendingEmail, passwordSet, connections] = await Promise.all([
    getProfile(userId),
    getPendingEmailChange(userId),
    hasPassword(userId),
    listConnections(userId),
  ]);
  if (!profile) redirect("/sign-in?next=/account/profile");
  const { delete: deleteResult, "email-change": emailChange, error, linked } = await searchParams;
  const emailNotice =
    emailChange !== "done"
      ? undefined
      : error
        ? ({ tone: "error", message: "That confirmation link is invalid, expired or cancelled. Your email address has not changed." } as const)
        : ({ tone: "success", message: `Your email address is now ${profile.email}.` } as const);

  return (
    <>
      <PageHeader title="Profile" description="Your name, picture, email address and connected accounts." />
      <div className="flex flex-col gap-6">
        <ProfileSummary profile={profile} />
        <Card title="Name" description="How you appear to others.">
          <NameForm name={profile.name} />
        </Card>
        <Card title="Email address" description="Where we send sign-in links and security notices. A new address takes effect once you confirm it.">
          <EmailForm email={profile.email} pendingEmail={pendingEmail?.newEmail ?? null} initialNotice={emailNotice} />
        </Card>
        <Card title="Connected accounts" description="The ways you can sign in. Keep at least one.">
          <ConnectedAccounts
            email={profile.email}
            hasPassword={passwordSet}
            connections={connections.map((connection) => ({ ...connection, linkedAt: connection.linkedAt.toISOString() }))}
            providers={signInProviders}
            initialNotice={
              linked === "1"
                ? error
                  ? { tone: "error", message: "That account could not be linked. It may already belong to someone else." }
                  : { tone: "success", message: "Account linked." }
                : undefined
            }
          />
        </Card>
        <Card id="delete-account" tone="danger" title="Delete account" description="Deletes your profile, sign-in methods, two-factor settings and sessions, for good. We email you a link to confirm.">
          <DeleteAccountCard email={profile.email} linkInvalid={deleteResult === "invalid-link"} />
        </Card>
      </div>
    </>
  );
}
