import { NextResponse } from "next/server";
import type { z } from "zod";
import { auth } from "@/lib/auth";
import { accountRoute } from "@/lib/api/route";
import type { changePasswordRequestSchema } from "@/lib/validation/security";

/**
 * Changes the password (the current one is checked too, as on the security page). With
 * revokeOtherSessions every session ends and a new one replaces the caller's: its bearer token is in
 * the answer (and in set-auth-token), and a cookie caller gets the new cookie.
 */
export const PUT = accountRoute<z.output<typeof changePasswordRequestSchema>>("password.change", async ({ request, body }) => {
  const { headers } = await auth.api.changePassword({ body, headers: request.headers, returnHeaders: true });
  const token = headers.get("set-auth-token");
  const answer = NextResponse.json({ status: "password_changed", otherSessionsRevoked: body.revokeOtherSessions, token });
  for (const cookie of headers.getSetCookie()) answer.headers.append("set-cookie", cookie);
  if (token) answer.headers.set("set-auth-token", token);
  return answer;
});
