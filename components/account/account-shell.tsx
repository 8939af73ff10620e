import type { ReactNode } from "react";
import { AccountNav } from "@/components/account/account-nav";
import { Avatar } from "@/components/account/avatar";
import { SignOutButton } from "@/components/account/sign-out-button";
import { Logo } from "@/components/logo";

export type AccountShellProps = {
  user: { name: string; image: string | null };
  children: ReactNode;
};

/** What every account page has around it: the header and the navigation. */
export function AccountShell({ user, children }: AccountShellProps) {
  return (
    <div className="min-h-dvh">
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="relative mx-auto flex h-16 max-w-5xl items-center justify-between gap-4 px-4">
          <Logo />
          <div className="flex min-w-0 items-center gap-3">
            <Avatar name={user.name} image={user.image} />
            <span className="hidden truncate text-sm font-medium sm:inline" data-testid="account-user-name">
              {user.name}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 md:flex-row md:gap-10">
        <aside className="md:w-48 md:shrink-0">
          <AccountNav />
        </aside>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
