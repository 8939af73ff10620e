import type { Metadata } from "next";
import { ProfileView } from "@/components/account/profile/profile-view";
import { StepUpProvider } from "@/components/account/step-up";
import { getSignInMethods } from "@/lib/account/connections";
import { pendingEmailChangeOf } from "@/lib/account/email-change";
import { stepUpProofs } from "@/lib/account/second-factor";
import { signInProviders } from "@/lib/auth-providers";
import { env } from "@/lib/env";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ searchParams }: PageProps<"/account/profile">) {
  const { user } = await requireSession();
  const methods = await getSignInMethods(user.id);
  const { delete: deleteResult, "email-change": emailChange, error, linked } = await searchParams;
  const profile = { name: user.name, email: user.email, emailVerified: user.emailVerified, image: user.image ?? null, createdAt: user.createdAt };
  return (
    <StepUpProvider proofs={stepUpProofs(user, methods)}>
      <ProfileView
        profile={profile}
        pendingEmail={pendingEmailChangeOf(user)?.newEmail ?? null}
        hasPassword={methods.hasPassword}
        connections={methods.connections.map((connection) => ({ ...connection, linkedAt: connection.linkedAt.toISOString() }))}
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
    </StepUpProvider>
  );
}
