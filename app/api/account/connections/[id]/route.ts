import { NextResponse } from "next/server";
import { recordSecurityEvent } from "@/lib/account/activity";
import { unlinkConnection } from "@/lib/account/connections";
import { providerName } from "@/lib/auth-providers";
import { requestDevice } from "@/lib/request-device";
import { apiError, authenticate, requireStepUp } from "@/lib/api/responses";
import { recordIdSchema } from "@/lib/validation/security";

/** Unlinks one of the person's providers, never the last way they can sign in. */
export async function DELETE(request: Request, { params }: RouteContext<"/api/account/connections/[id]">) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  const id = recordIdSchema.safeParse((await params).id);
  if (!id.success) return apiError(400, "INVALID_INPUT", "That is not a connected account.");
  const refused = await requireStepUp(request, session, { allowRecentSignIn: true });
  if (refused) return refused;
  const result = await unlinkConnection(session.user.id, id.data);
  if (result.outcome === "unlinked") {
    await recordSecurityEvent({ userId: session.user.id, type: "provider_unlinked", device: requestDevice(request.headers), detail: providerName(result.providerId) });
  }
  if (result.outcome === "not-found") return apiError(404, "NOT_FOUND", "No such connected account.");
  if (result.outcome === "last-sign-in-method") {
    return apiError(409, "CONFLICT", "This is your only way to sign in. Set a password or link another account first.");
  }
  return new NextResponse(null, { status: 204 });
}
