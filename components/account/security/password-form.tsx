"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// The form (and the form library) loads when someone starts changing the password, as the profile's
// editors do, not with every view of the page.
const ChangePasswordForm = dynamic(() => import("./change-password-form").then((module) => module.ChangePasswordForm), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>,
});

export function PasswordForm() {
  const [editing, setEditing] = useState(false);
  const [changed, setChanged] = useState<string>();
  const opener = useRef<HTMLButtonElement>(null);

  const returnFocus = useRef(false);

  // Back where the person was, not at the top of the page, whether they changed it or not.
  const close = (message?: string) => {
    returnFocus.current = true;
    setEditing(false);
    setChanged(message);
  };
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    opener.current?.focus();
  }, [editing]);

  if (editing) return <ChangePasswordForm onChanged={close} onCancel={() => close()} />;
  return (
    <div className="flex flex-col gap-4">
      {changed && <Alert tone="success">{changed}</Alert>}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">You sign in with your email address and a password.</p>
        <Button
          ref={opener}
          variant="secondary"
          className="shrink-0"
          onClick={() => {
            setChanged(undefined);
            setEditing(true);
          }}
        >
          Change password
        </Button>
      </div>
    </div>
  );
}
