"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { goToProvider } from "@/lib/api/client";

/** "Continue with …" for each configured provider; the provider sends the person back to `next`. */
export function ProviderButtons({ providers, next }: { providers: { id: string; name: string }[]; next: string }) {
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<string>();
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 flex flex-col gap-3">
      <p className="flex items-center gap-3 text-xs text-zinc-600 uppercase dark:text-zinc-400">
        <span aria-hidden className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
        or
        <span aria-hidden className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
      </p>
      {error && <Alert tone="error">{error}</Alert>}
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
