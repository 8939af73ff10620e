import type { Metadata } from "next";
import Link from "next/link";
import { AuthHeading } from "@/components/auth/auth-heading";
import { UndoEmailChangeForm } from "@/components/auth/undo-email-change-form";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { findEmailChangeUndo } from "@/lib/account/email-undo";

export const metadata: Metadata = { title: "Undo the change of email address" };

/**
 * Where the old address's "This wasn't me: undo" link lands. Opening it changes nothing (a mail
 * scanner may open links): the person confirms with the button.
 */
export default async function UndoEmailChangePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const undo = typeof token === "string" ? await findEmailChangeUndo(token) : null;
  if (!undo || typeof token !== "string") {
    return (
      <>
        <AuthHeading title="This link cannot be used" />
        <Alert tone="error">This link is invalid, has expired or has been used already. Each undo link works once, for 7 days.</Alert>
        <div className="mt-6">
          <Link href="/sign-in" className={buttonClassName("secondary", "w-full")}>
            Go to sign in
          </Link>
        </div>
      </>
    );
  }
  return (
    <>
      <AuthHeading title="Undo the change of email address">
        The address of the account was changed from <strong className="break-words text-zinc-900 dark:text-zinc-100">{undo.oldEmail}</strong> to{" "}
        <strong className="break-words text-zinc-900 dark:text-zinc-100">{undo.newEmail}</strong>.
      </AuthHeading>
      <UndoEmailChangeForm token={token} oldEmail={undo.oldEmail} changedAt={undo.changedAt} />
    </>
  );
}
