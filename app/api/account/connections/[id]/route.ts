import { NextResponse } from "next/server";
import { unlinkConnection } from "@/lib/account/connections";
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
  if (result === "not-found") return apiError(404, "NOT_FOUND", "No such connected account.");
  if (result === "last-sign-in-method") {
    return apiError(409, "CONFLICT", "This is your only way to sign in. Set a password or link another account first.");
  }
  return new NextResponse(null, { status: 204 });
}
