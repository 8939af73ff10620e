import "server-only";
import type { BetterAuthOptions } from "better-auth";
import { getIP } from "better-auth/api";
import { env } from "@/lib/env";

/**
 * How the client's address is found. lib/auth gives better-auth the same settings, so a session's
 * address, the rate limits and the security activity always agree on who the client is.
 */
export const ipAddressOptions = { trustedProxies: env.TRUSTED_PROXIES };

const options = { advanced: { ipAddress: ipAddressOptions } } satisfies BetterAuthOptions;

export type RequestDevice = { ipAddress: string | null; userAgent: string | null };

/** The address and user agent of the request, as better-auth records them on a session. */
export function requestDevice(headers: Headers | null | undefined): RequestDevice {
  if (!headers) return { ipAddress: null, userAgent: null };
  return { ipAddress: getIP(headers, options), userAgent: headers.get("user-agent") };
}
