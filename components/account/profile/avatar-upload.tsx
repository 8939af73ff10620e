"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Avatar } from "@/components/account/avatar";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AVATAR_MAX_BYTES, AVATAR_TOO_LARGE, AVATAR_TYPES, AVATAR_WRONG_TYPE } from "@/lib/validation/avatar";
import { callApi } from "@/lib/api/client";

type Notice = { tone: "error" | "success"; message: string };

/** The profile picture, as a button that uploads a new one, and a way to remove it. */
export function AvatarUpload({ name, image }: { name: string; image: string | null }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  const send = async (method: "PUT" | "DELETE", file?: File) => {
    setBusy(true);
    setNotice(undefined);
    const { error } = await callApi(method, "/api/auth/users/me/avatar", file);
    setBusy(false);
    setNotice(error ? { tone: "error", message: error.message } : { tone: "success", message: file ? "Picture updated." : "Picture removed." });
    router.refresh();
  };

  const upload = (file: File | undefined) => {
    if (input.current) input.current.value = "";
    if (!file) return;
    // Refused here at once to spare the upload; the server checks the same rules on the bytes.
    if (file.size > AVATAR_MAX_BYTES) return setNotice({ tone: "error", message: AVATAR_TOO_LARGE });
    if (!(AVATAR_TYPES as readonly string[]).includes(file.type)) return setNotice({ tone: "error", message: AVATAR_WRONG_TYPE });
    void send("PUT", file);
  };

  return (
    <div className="flex flex-col items-start gap-3">
      <button
        type="button"
        onClick={() => input.current?.click()}
        disabled={busy}
        aria-label={image ? "Change picture" : "Upload a picture"}
        className="group relative rounded-full disabled:opacity-60"
      >
        <Avatar name={name} image={image} size={64} />
        <span aria-hidden className="absolute inset-0 flex items-center justify-center rounded-full bg-zinc-950/60 text-xs font-medium text-white opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100">
          {busy ? "…" : "Change"}
        </span>
      </button>
      <input ref={input} type="file" accept={AVATAR_TYPES.join(",")} className="sr-only" tabIndex={-1} aria-hidden onChange={(event) => upload(event.target.files?.[0])} data-testid="avatar-input" />
      {image && (
        <Button variant="ghost" className="h-8 px-2 text-xs" aria-label="Remove picture" disabled={busy} onClick={() => send("DELETE")}>
          Remove
        </Button>
      )}
      {notice && (
        <div className="w-full sm:w-64">
          <Alert tone={notice.tone}>{notice.message}</Alert>
        </div>
      )}
    </div>
  );
}
