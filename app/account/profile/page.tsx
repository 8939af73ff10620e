import type { Metadata } from "next";
import { ProfileView } from "@/components/account/profile/profile-view";
import { getSignInMethods } from "@/lib/account/connections";
import { pendingEmailChangeOf } from "@/lib/account/email-change";
import { signInProviders } from "@/lib/auth-providers";
import { env } from "@/lib/env";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ searchParams }: PageProps<"/account/profile">) {
  const { user } = await requireSession();
  const { hasPassword, connections } = await getSignInMethods(user.id);
  const { delete: deleteResult, "email-change": emailChange, error, linked } = await searchParams;
  const profile = { name: user.name, email: user.email, emailVerified: user.emailVerified, image: user.image ?? null, createdAt: user.createdAt };
  return (
    <ProfileView
      profile={profile}
      pendingEmail={pendingEmailChangeOf(user)?.newEmail ?? null}
      hasPassword={hasPassword}
      connections={connections.map((connection) => ({ ...connection, linkedAt: connection.linkedAt.toISOString() }))}
      providers={signInProviders}
      emailNotice={
        emailChange !== "done"
          ? undefined
          : error
            ? { tone: "error", message: "That confirmation link is invalid, expired or cancelled. Your email address has not changed." }
            : { tone: "success", message: `Your email address is now ${profile.email}.` }
      }
      linkNotice={
        linked !== "1"
          ? undefined
          : error
            ? { tone: "error", message: "That account could not be linked. It may already belong to someone else." }
            : { tone: "success", message: "Account linked." }
      }
      deletionLinkInvalid={deleteResult === "invalid-link"}
      deletionGraceDays={env.DELETION_GRACE_DAYS}
    />
  );
}
