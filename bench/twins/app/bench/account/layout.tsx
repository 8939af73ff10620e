import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AccountShell } from "@/components/account/account-shell";
import { user } from "@/bench/fixtures";

/** The account layout's twin: the same shell, from fixtures, with no session and no database. */
export default async function AccountLayoutTwin({ children }: { children: ReactNode }) {
  await cookies();
  return (
    <AccountShell user={user}>{children}</AccountShell>
  );
}
