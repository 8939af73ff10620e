import type { ReactNode } from "react";
import { AccountShell } from "@/components/account/account-shell";
import { ScheduledDeletion } from "@/components/account/scheduled-deletion";
import { CenteredPanel } from "@/components/centered-panel";
import { requireSession } from "@/lib/session";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSession();
  // During a deletion's grace period every account page is this one question (the server refuses
  // every other action too: lib/policy/check).
  if (user.deletionScheduledAt) {
    return (
      <CenteredPanel>
        <ScheduledDeletion deletesAt={new Date(user.deletionScheduledAt).toISOString()} />
      </CenteredPanel>
    );
  }
  // The step-up dialog is each page's (StepUpProvider), from the sign-in methods that page reads anyway.
  return (
    <AccountShell user={{ name: user.name, image: user.image ?? null }}>
      {children}
    </AccountShell>
  );
}
