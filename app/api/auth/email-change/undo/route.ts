import { NextResponse } from "next/server";
import { undoEmailChange } from "@/lib/account/email-undo";
import { ApiError } from "@/lib/api/errors";
import { sessionlessRoute } from "@/lib/api/route";

/** "This wasn't me: undo", from the page the old address's link opens. */
export const POST = sessionlessRoute<{ token: string }>("email.undo", async ({ body, device }) => {
  const result = await undoEmailChange(body.token, device);
  if (result.outcome !== "undone") {
    throw result.outcome === "invalid"
      ? new ApiError("INVALID_TOKEN", "This link is invalid, has expired or has been used already.")
      : new ApiError("CONFLICT", "That address belongs to another account now, so it cannot be put back. Contact the administrator.");
  }
  return NextResponse.json({ status: "undone", email: result.email, signedOut: true, passwordResetSent: true });
});
