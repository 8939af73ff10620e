import { NextResponse } from "next/server";
import { passkeyStepUpOptions } from "@/lib/account/passkeys";
import { ApiError } from "@/lib/api/errors";
import { accountRoute } from "@/lib/api/route";

/** A challenge for one of the person's passkeys to sign, for POST /api/auth/users/me/step-up. */
export const POST = accountRoute("step-up", async ({ session }) => {
  const options = await passkeyStepUpOptions(session.user.id, session.session.id);
  if (!options) throw new ApiError("NOT_FOUND", "This account has no passkey. Confirm it's you with your password instead.");
  return NextResponse.json(options, { headers: { "cache-control": "no-store" } });
});
