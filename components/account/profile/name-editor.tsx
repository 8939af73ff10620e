"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { updateNameSchema, type UpdateNameInput } from "@/lib/validation/user";
import { callApi } from "@/lib/api/client";

export function NameEditor({ name, onSaved, onCancel }: { name: string; onSaved: () => void; onCancel: () => void }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string>();
  const { register, handleSubmit, formState } = useForm<UpdateNameInput>({ resolver: zodResolver(updateNameSchema), defaultValues: { name } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(undefined);
    const { error } = await callApi("POST", "/api/auth/update-user", { name: values.name });
    if (error) {
      setFailure(error.message);
      return;
    }
    onSaved();
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      {failure && <Alert tone="error">{failure}</Alert>}
      <TextField label="Name" autoComplete="name" autoFocus error={formState.errors.name?.message} {...register("name")} />
      <div className="flex gap-2">
        <Button type="submit" pending={formState.isSubmitting}>
          Save
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
