import type { ReactNode } from "react";
import { AccountShell } from "@/components/account/account-shell";
import { getSignInMethods } from "@/lib/account/connections";
import { requireSession } from "@/lib/session";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSession();
  const { hasPassword, hasPasskey } = await getSignInMethods(user.id);
  return (
    <AccountShell user={{ name: user.name, image: user.image ?? null }} twoFactorEnabled={Boolean(user.twoFactorEnabled)} hasPassword={hasPassword} hasPasskey={hasPasskey}>
      {children}
    </AccountShell>
  );
}
