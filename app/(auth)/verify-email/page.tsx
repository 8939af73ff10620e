import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-heading";
import { ResendVerificationForm } from "@/components/auth/resend-verification-form";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import Link from "next/link";

export const metadata: Metadata = { title: "Verify your email" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ error?: string | string[] }> }) {
  // better-auth verifies the mailed link, signs the person in and lands here, with ?error=… when the
  // link was expired or already used.
  const { error } = await searchParams;
  if (error) {
    return (
      <>
        <AuthHeading title="This link cannot be used" />
        <Alert tone="error">
          {error === "TOKEN_EXPIRED" ? "This verification link has expired." : "This verification link is invalid or has already been used."}{" "}
          Enter your email to get a new one.
        </Alert>
        <div className="mt-6">
          <ResendVerificationForm />
        </div>
      </>
    );
  }
  return (
    <>
      <AuthHeading title="Email verified">Thank you. Your email address is confirmed.</AuthHeading>
      <Link href="/account/profile" className={buttonClassName("primary", "w-full")}>
        Continue to your account
      </Link>
    </>
  );
}
