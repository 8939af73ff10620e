import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-heading";
import { TextLink } from "@/components/ui/text-link";
import { env } from "@/lib/env";

type GoodbyeProps = { searchParams: Promise<{ scheduled?: string | string[] }> };

export async function generateMetadata({ searchParams }: GoodbyeProps): Promise<Metadata> {
  return { title: (await searchParams).scheduled === "1" ? "Account scheduled for deletion" : "Account deleted" };
}

export default async function GoodbyePage({ searchParams }: GoodbyeProps) {
  if ((await searchParams).scheduled === "1") {
    return (
      <>
        <AuthHeading title={`Your account will be deleted in ${env.DELETION_GRACE_DAYS} days`}>
          Every device has been signed out. We sent the date to your email address.
        </AuthHeading>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Changed your mind? <TextLink href="/sign-in?next=/account/profile">Sign in</TextLink> before then and choose Keep my account.
        </p>
      </>
    );
  }
  return (
    <>
      <AuthHeading title="Your account has been deleted">
        Your profile, sign-in methods, two-factor settings and every session are gone. Thank you for having been with us.
      </AuthHeading>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Changed your mind? <TextLink href="/sign-up">Create a new account</TextLink>
      </p>
    </>
  );
}
