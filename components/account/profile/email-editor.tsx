"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { changeEmailSchema, type ChangeEmailInput } from "@/lib/validation/user";

export function EmailEditor({ onSend, onCancel }: { onSend: (newEmail: string) => Promise<void>; onCancel: () => void }) {
  const { register, handleSubmit, formState } = useForm<ChangeEmailInput>({ resolver: zodResolver(changeEmailSchema), defaultValues: { newEmail: "" } });
  return (
    <form onSubmit={handleSubmit(({ newEmail }) => onSend(newEmail))} noValidate className="flex max-w-md flex-col gap-4">
      <TextField label="New email address" type="email" autoComplete="email" autoFocus error={formState.errors.newEmail?.message} {...register("newEmail")} />
      <div className="flex gap-2">
        <Button type="submit" pending={formState.isSubmitting}>
          Send verification
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
