import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/account/page-header";
import { DeleteAccountCard } from "@/components/account/profile/delete-account-card";
import { NameForm } from "@/components/account/profile/name-form";
import { ProfileSummary } from "@/components/account/profile/profile-summary";
import { Card } from "@/components/ui/card";
import { getProfile } from "@/lib/account/profile";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ delete?: string | string[] }> }) {
  const session = await getSession();
  // The layout has already sent visitors without a session away; this satisfies the type.
  if (!session) redirect("/sign-in?next=/account/profile");
  const profile = await getProfile(session.user.id);
  if (!profile) redirect("/sign-in?next=/account/profile");
  const { delete: deleteResult } = await searchParams;

  return (
    <>
      <PageHeader title="Profile" description="Your name, picture, email address and connected accounts." />
      <div className="flex flex-col gap-6">
        <ProfileSummary profile={profile} />
        <Card title="Name" description="How you appear to others.">
          <NameForm name={profile.name} />
        </Card>
        <Card id="delete-account" tone="danger" title="Delete account" description="Deletes your profile, sign-in methods, two-factor settings and sessions, for good. We email you a link to confirm.">
          <DeleteAccountCard email={profile.email} linkInvalid={deleteResult === "invalid-link"} />
        </Card>
      </div>
    </>
  );
}
