"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// The form (and the form library) loads when someone starts editing, not with every page view.
const NameEditor = dynamic(() => import("./name-editor").then((module) => module.NameEditor), { ssr: false });

export function NameForm({ name }: { name: string }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (editing) {
    return (
      <NameEditor
        name={name}
        onSaved={() => {
          setEditing(false);
          setSaved(true);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {saved && <Alert tone="success">Name saved.</Alert>}
      <div className="flex items-center justify-between gap-4">
        <p className="min-w-0 text-sm break-words" data-testid="profile-name">
          {name}
        </p>
        <Button
          variant="secondary"
          className="shrink-0"
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          Edit
        </Button>
      </div>
    </div>
  );
}
