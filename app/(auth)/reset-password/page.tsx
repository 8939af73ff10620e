import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-heading";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/text-link";

export const metadata: Metadata = { title: "Choose a new password" };

type SearchParams = Promise<{ token?: string | string[]; error?: string | string[] }>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  // better-auth checks the mailed link and lands here with ?token=… or, when it is no good, ?error=…
  const { token, error } = await searchParams;
  if (error || typeof token !== "string") {
    return (
      <>
        <AuthHeading title="This link cannot be used" />
        <Alert tone="error">This password reset link is invalid or has expired. Links work for 1 hour and only once.</Alert>
        <p className="mt-6 text-center text-sm">
          <TextLink href="/forgot-password">Send a new link</TextLink>
        </p>
      </>
    );
  }
  return (
    <>
      <AuthHeading title="Choose a new password" />
      <ResetPasswordForm token={token} />
    </>
  );
}
