import { AccountView } from "@daveyplate/better-auth-ui";
import { accountViewPaths } from "@daveyplate/better-auth-ui/server";

// As better-auth-ui's Next.js guide has it: the account views are prerendered, and fill in from the
// API in the browser.
export const dynamicParams = false;

export function generateStaticParams() {
  return Object.values(accountViewPaths).map((path) => ({ path }));
}

export default async function AccountPage({ params }: { params: Promise<{ path: string }> }) {
  const { path } = await params;
  return (
    <main className="container p-4 md:p-6">
      <AccountView path={path} />
    </main>
  );
}
