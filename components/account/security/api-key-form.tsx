"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useStepUp } from "@/components/account/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { callApi } from "@/lib/api/client";
import { API_KEY_EXPIRIES, createApiKeySchema, type CreateApiKeyInput } from "@/lib/validation/api-keys";

const EXPIRY_LABELS: Record<(typeof API_KEY_EXPIRIES)[number], string> = { 30: "30 days", 90: "90 days", 365: "1 year", 0: "No expiry" };
const SCOPES = [
  { value: "read", label: "Read", hint: "The profile, sessions, devices, passkeys and activity." },
  {
    value: "manage",
    label: "Manage",
    hint: "Also change the name and picture, rename passkeys, and revoke trusted devices and keys. Never the email address, the password, two-factor, sessions or deletion.",
  },
] as const;

export type CreatedApiKey = { name: string; key: string };

/** Name, expiry and scope of a new key; the server makes it after a step-up and answers with it once. */
export function ApiKeyForm({ onCreated, onCancel }: { onCreated: (created: CreatedApiKey) => void; onCancel: () => void }) {
  const { withStepUp } = useStepUp();
  const { register, handleSubmit, formState, setError } = useForm<CreateApiKeyInput>({
    resolver: zodResolver(createApiKeySchema),
    defaultValues: { name: "", expiresInDays: 90, scope: "read" },
  });

  const onSubmit = handleSubmit(async (values) => {
    const answer = await withStepUp(() => callApi<{ name: string; key: string }>("POST", "/api/auth/users/me/api-keys", values));
    if (!answer) return;
    if (answer.error) return setError("root", { message: answer.error.message });
    onCreated({ name: answer.data.name, key: answer.data.key });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4" aria-label="New API key">
      {formState.errors.root?.message && <Alert tone="error">{formState.errors.root.message}</Alert>}
      <TextField label="Name" autoComplete="off" hint="What uses it, such as a backup script." autoFocus error={formState.errors.name?.message} {...register("name")} />
      <SelectField label="Expires after" {...register("expiresInDays", { valueAsNumber: true })}>
        {API_KEY_EXPIRIES.map((days) => (
          <option key={days} value={days}>
            {EXPIRY_LABELS[days]}
          </option>
        ))}
      </SelectField>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-sm font-medium">What it may do</legend>
        {SCOPES.map((scope) => (
          <label key={scope.value} className="flex items-start gap-3 text-sm">
            <input type="radio" value={scope.value} className="mt-0.5 size-4 shrink-0 accent-indigo-600 dark:accent-indigo-400" {...register("scope")} />
            <span>
              <span className="font-medium">{scope.label}</span>
              <span className="block text-zinc-600 dark:text-zinc-400">{scope.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={formState.isSubmitting}>
          Create key
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={formState.isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
