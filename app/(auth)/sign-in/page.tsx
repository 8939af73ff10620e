import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthHeading } from "@/components/auth/auth-heading";
import { ProviderButtons } from "@/components/auth/provider-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { TextLink } from "@/components/ui/text-link";
import { signInProviders } from "@/lib/auth-providers";
import { safeNextPath } from "@/lib/redirect";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; reported?: string | string[] }> }) {
  const { next, reported } = await searchParams;
  const nextPath = safeNextPath(typeof next === "string" ? next : undefined);
  if (await getSession()) redirect(nextPath);
  return (
    <>
      <AuthHeading title="Sign in">Welcome back. Sign in to manage your account.</AuthHeading>
      {reported === "1" && (
        <div className="mb-6">
          <Alert tone="success">Every device has been signed out. We sent a link to choose a new password to your email: use it before you sign in again.</Alert>
        </div>
      )}
      <SignInForm next={nextPath} />
      <ProviderButtons providers={signInProviders} next={nextPath} passkey />
      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        New here? <TextLink href="/sign-up">Create an account</TextLink>
      </p>
    </>
  );
}
