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

export function NameForm({ name }: { name: string }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [result, setResult] = useState<{ tone: "error" | "success"; message: string }>();
  const { register, handleSubmit, formState, reset } = useForm<UpdateNameInput>({
    resolver: zodResolver(updateNameSchema),
    defaultValues: { name },
  });

  const cancel = () => {
    reset({ name });
    setResult(undefined);
    setEditing(false);
  };

  const onSubmit = handleSubmit(async (values) => {
    setResult(undefined);
    const { error } = await callApi("POST", "/api/auth/update-user", { name: values.name });
    if (error) {
      setResult({ tone: "error", message: error.message });
      return;
    }
    setEditing(false);
    setResult({ tone: "success", message: "Name saved." });
    router.refresh();
  });

  if (!editing) {
    return (
      <div className="flex flex-col gap-3">
        {result && <Alert tone={result.tone}>{result.message}</Alert>}
        <div className="flex items-center justify-between gap-4">
          <p className="min-w-0 text-sm break-words" data-testid="profile-name">
            {name}
          </p>
          <Button
            variant="secondary"
            className="shrink-0"
            onClick={() => {
              reset({ name });
              setResult(undefined);
              setEditing(true);
            }}
          >
            Edit
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4">
      {result && <Alert tone={result.tone}>{result.message}</Alert>}
      <TextField label="Name" autoComplete="name" autoFocus error={formState.errors.name?.message} {...register("name")} />
      <div className="flex gap-2">
        <Button type="submit" pending={formState.isSubmitting}>
          Save
        </Button>
        <Button variant="ghost" onClick={cancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
