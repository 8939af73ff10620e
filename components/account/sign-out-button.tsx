"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth-client";

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      pending={pending}
      onClick={async () => {
        setPending(true);
        // Signing out of Bastion ends this session only. better-auth would otherwise send the browser
        // on to a linked provider's logout page, ending the person's session there (and in every
        // other app that relies on it) too.
        await authClient.signOut({ disableRedirect: true });
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      Sign out
    </Button>
  );
}
