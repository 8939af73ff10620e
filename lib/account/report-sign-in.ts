import "server-only";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";
import { requestDevice } from "@/lib/request-device";
import { deviceName, findSignInEvent, recordSecurityEvent } from "./activity";
import { endEveryWayIn } from "./lock-out";

/**
 * "This wasn't me" on a sign-in: whoever signed in must lose the account at once, whatever they took.
 * Every session ends (this one too), devices trusted to skip the second step must prove themselves
 * again, API keys stop working, and a password-reset link goes to the account's address, since the
 * password may be known.
 * No step-up: it only takes access away, and a session can use it once, as it ends with it.
 */
export async function reportSignIn(userId: string, eventId: string, headers: Headers): Promise<"reported" | "not-found"> {
  const event = await findSignInEvent(userId, eventId);
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!event || !user) return "not-found";
  await endEveryWayIn(userId);
  const reported = [deviceName(event.userAgent), event.ipAddress].filter(Boolean).join(", ");
  await recordSecurityEvent({ userId, type: "sign_in_reported", device: requestDevice(headers), detail: reported });
  await auth.api.requestPasswordReset({ body: { email: user.email, redirectTo: "/reset-password" } });
  return "reported";
}
