import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-heading";
import { TextLink } from "@/components/ui/text-link";

export const metadata: Metadata = { title: "Account deleted" };

export default function GoodbyePage() {
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
