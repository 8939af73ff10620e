import { NextResponse } from "next/server";
import { unlinkConnection } from "@/lib/account/connections";
import { ApiError } from "@/lib/api/errors";
import { accountRoute } from "@/lib/api/route";
import { providerName } from "@/lib/auth-providers";

/** Unlinks one of the person's providers, never the last way they can sign in. */
export const DELETE = accountRoute<undefined, { id: string }>("connections.unlink", async ({ session, params, record }) => {
  const result = await unlinkConnection(session.user.id, params.id);
  if (result.outcome !== "unlinked") {
    throw result.outcome === "not-found"
      ? new ApiError("NOT_FOUND", "No such connected account.")
      : new ApiError("CONFLICT", "This is your only way to sign in. Set a password or link another account first.");
  }
  await record(providerName(result.providerId));
  return new NextResponse(null, { status: 204 });
});
