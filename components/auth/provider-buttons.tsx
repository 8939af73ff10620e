"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { OrDivider } from "@/components/ui/or-divider";
import { goToProvider } from "@/lib/api/client";
import { signInWithPasskey, stopPasskeyPrompt } from "@/lib/passkeys-client";

type ProviderButtonsProps = { providers: { id: string; name: string }[]; next: string; passkey?: boolean };

/**
 * "Continue with …" for each configured provider, which sends the person back to `next`; on the
 * sign-in page, "Continue with a passkey" first, and the browser's passkey autofill on the email field.
 * A passkey chosen either way reports here, in one message.
 */
export function ProviderButtons({ providers, next, passkey = false }: ProviderButtonsProps) {
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!passkey) return;
    let active = true;
    void signInWithPasskey(true).then(({ error }) => {
      if (!active) return;
      if (!error) window.location.assign(next);
      // Closed, or superseded by the passkey button, or not offered by this browser: nothing to say.
      else if (error.code !== "PASSKEY_CANCELLED" && error.code !== "PASSKEY_UNAVAILABLE") setError(error.message);
    });
    return () => {
      active = false;
      void stopPasskeyPrompt();
    };
  }, [passkey, next]);

  if (providers.length === 0 && !passkey) return null;
  return (
    <div className="mt-6 flex flex-col gap-3">
      <OrDivider />
      {error && <Alert tone="error">{error}</Alert>}
      {passkey && (
        <Button
          variant="secondary"
          pending={pending === "passkey"}
          disabled={pending !== undefined}
          onClick={async () => {
            setPending("passkey");
            setError(undefined);
            const result = await signInWithPasskey();
            if (result.error) {
              setPending(undefined);
              setError(result.error.message);
            } else {
              // A full navigation, as after a password sign-in: `next` may be a route handler.
              window.location.assign(next);
            }
          }}
        >
          Continue with a passkey
        </Button>
      )}
      {providers.map((provider) => (
        <Button
          key={provider.id}
          variant="secondary"
          pending={pending === provider.id}
          disabled={pending !== undefined}
          onClick={async () => {
            setPending(provider.id);
            setError(undefined);
            const result = await goToProvider("/api/auth/sign-in/social", { provider: provider.id, callbackURL: next, errorCallbackURL: "/sign-in" });
            if (result.error) {
              setPending(undefined);
              setError(result.error.message);
            }
          }}
        >
          Continue with {provider.name}
        </Button>
      ))}
    </div>
  );
}
