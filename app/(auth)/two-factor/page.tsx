import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthHeading } from "@/components/auth/auth-heading";
import { TwoFactorForm } from "@/components/auth/two-factor-form";
import { TextLink } from "@/components/ui/text-link";
import { auth } from "@/lib/auth";
import { safeNextPath } from "@/lib/redirect";
import { getSession } from "@/lib/session";

export const metadata: Metadata = { title: "Two-factor authentication" };

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const nextPath = safeNextPath(typeof next === "string" ? next : undefined);
  if (await getSession()) redirect(nextPath);
  // What this sign-in's account has set up; without a sign-in in progress, what every account has.
  const state = await auth.api.pendingSecondStep({ headers: await headers() });
  return (
    <>
      <AuthHeading title="Two-factor authentication">One more step: confirm it is you.</AuthHeading>
      <TwoFactorForm next={nextPath} methods={state?.methods ?? ["authenticator", "backup"]} preferred={state?.preferred ?? "authenticator"} />
      <p className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
        Not you? <TextLink href="/sign-in">Start again</TextLink>
      </p>
    </>
  );
}
