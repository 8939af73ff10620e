import { PageHeader } from "@/components/account/page-header";
import { ConnectedAccounts, type ConnectionRow } from "@/components/account/profile/connected-accounts";
import { DeleteAccountCard } from "@/components/account/profile/delete-account-card";
import { DownloadData } from "@/components/account/profile/download-data";
import { EmailForm } from "@/components/account/profile/email-form";
import { NameForm } from "@/components/account/profile/name-form";
import { ProfileSummary } from "@/components/account/profile/profile-summary";
import { Card } from "@/components/ui/card";
import type { Profile } from "@/lib/account/profile";

type Notice = { tone: "error" | "success"; message: string };

export type ProfileViewProps = {
  profile: Profile;
  pendingEmail: string | null;
  hasPassword: boolean;
  connections: ConnectionRow[];
  providers: { id: string; name: string }[];
  emailNotice?: Notice;
  linkNotice?: Notice;
  deletionLinkInvalid: boolean;
  /** Days between opening the deletion link and the deletion (0: at once). */
  deletionGraceDays: number;
};

/** The profile page as the person sees it, from data the page has read. */
export function ProfileView({ profile, pendingEmail, hasPassword, connections, providers, emailNotice, linkNotice, deletionLinkInvalid, deletionGraceDays }: ProfileViewProps) {
  return (
    <>
      <PageHeader title="Profile" description="Your name, picture, email address, connected accounts and a copy of your data." />
      <div className="flex flex-col gap-6">
        <ProfileSummary profile={profile} />
        <Card title="Name" description="How you appear to others.">
          <NameForm name={profile.name} />
        </Card>
        <Card title="Email address" description="Where we send sign-in links and security notices. A new address takes effect once you confirm it.">
          <EmailForm email={profile.email} pendingEmail={pendingEmail} initialNotice={emailNotice} />
        </Card>
        <Card title="Connected accounts" description="The ways you can sign in. Keep at least one.">
          <ConnectedAccounts email={profile.email} hasPassword={hasPassword} connections={connections} providers={providers} initialNotice={linkNotice} />
        </Card>
        <Card
          id="your-data"
          title="Your data"
          description="One JSON file with your profile, sign-in methods, two-factor state, passkeys, trusted devices, API keys, sessions and security activity. Never a password, key, code or token."
        >
          <DownloadData />
        </Card>
        <Card
          id="delete-account"
          tone="danger"
          title="Delete account"
          description={
            deletionGraceDays > 0
              ? `Deletes your profile, sign-in methods, two-factor settings and sessions, for good. We email you a link to confirm; ${deletionGraceDays} days after you open it the account is gone, and until then you can sign in and keep it.`
              : "Deletes your profile, sign-in methods, two-factor settings and sessions, for good. We email you a link to confirm."
          }
        >
          <DeleteAccountCard email={profile.email} linkInvalid={deletionLinkInvalid} />
        </Card>
      </div>
    </>
  );
}
