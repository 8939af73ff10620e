"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { TextLink } from "@/components/ui/text-link";
import type { SignInInput } from "@/lib/validation/auth";
import { callApi } from "@/lib/api/client";

type FieldErrors = Partial<Record<keyof SignInInput, string>>;
const FIELDS = ["email", "password"] as const;

// The page everyone opens first carries no form library: react-hook-form would be most of its own
// script, and two fields need none. The rules are still the zod schema the server checks, loaded on
// the form's first focus.
const loadSchema = () => import("@/lib/validation/auth").then((module) => module.signInSchema);

async function check(form: HTMLFormElement): Promise<{ values: SignInInput; errors?: undefined } | { errors: FieldErrors }> {
  const result = (await loadSchema()).safeParse(Object.fromEntries(new FormData(form)));
  if (result.success) return { values: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[issue.path[0] as keyof SignInInput] ??= issue.message;
  return { errors };
}

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  // Unset until the first submit; from then on every change is checked again, as react-hook-form does.
  const [errors, setErrors] = useState<FieldErrors>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    try {
      const checked = await check(form);
      setErrors(checked.errors ?? {});
      if (checked.errors) {
        const first = FIELDS.find((field) => checked.errors[field]);
        if (first) (form.elements.namedItem(first) as HTMLInputElement).focus();
        return;
      }
      setFormError(undefined);
      const { data, error } = await callApi<{ twoFactorRedirect?: boolean }>("POST", "/api/auth/sign-in/email", checked.values);
      if (error) {
        setFormError(error.message);
        return;
      }
      // With two-factor on, the password alone makes no session: the second step does.
      if (data.twoFactorRedirect) {
        router.push(`/two-factor?next=${encodeURIComponent(next)}`);
        return;
      }
      // A full navigation: `next` may be a route handler (the account-deletion link), which the
      // client router would fetch as page data.
      window.location.assign(next);
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      onFocus={() => void loadSchema()}
      onChange={(event) => {
        if (errors) void check(event.currentTarget).then((checked) => setErrors(checked.errors ?? {}));
      }}
      noValidate
      className="flex flex-col gap-4"
    >
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="email webauthn" error={errors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" error={errors?.password} />
      <div className="-mt-2 text-right text-sm">
        <TextLink href="/forgot-password">Forgot password?</TextLink>
      </div>
      <Button type="submit" pending={pending}>
        Sign in
      </Button>
    </form>
  );
}
