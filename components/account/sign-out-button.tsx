"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/client";

export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <>
      {failure && (
        // Under the header, below the button: the header row has no room for a sentence on a phone.
        <div className="absolute inset-x-4 top-full z-10 mt-2 shadow-sm sm:left-auto sm:w-96">
          <Alert tone="error">{failure}</Alert>
        </div>
      )}
      <Button
        variant="ghost"
        pending={pending}
        onClick={async () => {
          setPending(true);
          setFailure(null);
          // This session only: never a linked provider's session, which other apps may rely on.
          const { error } = await callApi("POST", "/api/auth/sign-out", {});
          // A session that has ended already (revoked from another device) leaves nothing to sign out of.
          if (error && error.status !== 401) {
            setFailure(`Not signed out: ${error.message}`);
            setPending(false);
            return;
          }
          router.replace("/sign-in");
          router.refresh();
        }}
      >
        Sign out
      </Button>
    </>
  );
}
