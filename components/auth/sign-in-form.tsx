"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { TextLink } from "@/components/ui/text-link";
import { lazyZodResolver } from "@/lib/forms/lazy-zod-resolver";
import type { SignInInput } from "@/lib/validation/auth";
import { callApi } from "@/lib/api/client";

const { resolver, warm } = lazyZodResolver<SignInInput>(() => import("@/lib/validation/auth").then((module) => module.signInSchema));

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, formState } = useForm<SignInInput>({ resolver });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const { data, error } = await callApi<{ twoFactorRedirect?: boolean }>("POST", "/api/auth/sign-in/email", values);
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
  });

  return (
    <form onSubmit={onSubmit} onFocus={warm} noValidate className="flex flex-col gap-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <TextField label="Email" type="email" autoComplete="email webauthn" error={formState.errors.email?.message} {...register("email")} />
      <TextField label="Password" type="password" autoComplete="current-password" error={formState.errors.password?.message} {...register("password")} />
      <div className="-mt-2 text-right text-sm">
        <TextLink href="/forgot-password">Forgot password?</TextLink>
      </div>
      <Button type="submit" pending={formState.isSubmitting}>
        Sign in
      </Button>
    </form>
  );
}
