import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";
import { betterAuthFailure } from "@/lib/api/better-auth";
import { parseJsonBody } from "@/lib/api/json-body";
import { authenticate, requireStepUp } from "@/lib/api/responses";
import { changePasswordRequestSchema } from "@/lib/validation/security";
import { refuseOverLimit } from "@/lib/api/rate-limit";

/**
 * Changes the password (the current one is checked too, as on the security page). With
 * revokeOtherSessions every session ends and a new one replaces the caller's: its bearer token is in
 * the answer (and in set-auth-token), and a cookie caller gets the new cookie.
 */
export async function PUT(request: Request) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  const overLimit = await refuseOverLimit(request, "change-password");
  if (overLimit) return overLimit;
  const body = await parseJsonBody(request, changePasswordRequestSchema);
  if (body.response) return body.response;
  const refused = await requireStepUp(request, session);
  if (refused) return refused;
  let token: string | null;
  try {
    const { headers } = await auth.api.changePassword({ body: body.data, headers: request.headers, returnHeaders: true });
    token = headers.get("set-auth-token");
  } catch (error) {
    return betterAuthFailure(error);
  }
  const answer = NextResponse.json({ status: "password_changed", otherSessionsRevoked: body.data.revokeOtherSessions, token });
  if (token) answer.headers.set("set-auth-token", token);
  return answer;
}
