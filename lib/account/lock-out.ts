import "server-only";
import { revokeAllApiKeys } from "./api-keys";
import { endAllSessions } from "./session-store";
import { forgetTrustedDevices } from "./trusted-devices";

/**
 * Every way in that does not take the password and the factors afresh ends: sessions, devices
 * trusted to skip the code, and API keys. What "This wasn't me", undoing an email change, a reset
 * from a mailed link and a scheduled deletion do, since an intruder may have left any of them behind.
 */
export async function endEveryWayIn(userId: string, { sessions = true } = {}) {
  if (sessions) await endAllSessions(userId);
  await forgetTrustedDevices(userId);
  await revokeAllApiKeys(userId);
}
