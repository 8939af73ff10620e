import "server-only";
import type { BetterAuthOptions } from "better-auth";
import { getIP } from "better-auth/api";
import { env } from "@/lib/env";
import { lookUpPlace, placeFromHeaders, type Place } from "@/lib/location";

/**
 * How the client's address is found. lib/auth gives better-auth the same settings, so a session's
 * address, the rate limits and the security activity always agree on who the client is. The whole
 * address (a /128, not better-auth's default /64 mask, which would store `2001:db8::` for everyone on
 * a network): people recognise their own; limits count per network instead (`clientNetwork`).
 */
export const ipAddressOptions = { trustedProxies: env.TRUSTED_PROXIES, ipv6Subnet: 128 } as const;

const options = { advanced: { ipAddress: ipAddressOptions } } satisfies BetterAuthOptions;

/** Who made a request: the address, the user agent and, once looked up, where the address is. */
export type RequestDevice = { ipAddress: string | null; userAgent: string | null; place?: Place };

/** An address as people write it: IPv6 compressed and lowercase (`::1`, `2001:db8::1`), IPv4 as it is. */
export function displayAddress(ipAddress: string | null | undefined): string | null {
  if (!ipAddress) return null;
  if (!ipAddress.includes(":")) return ipAddress;
  try {
    // The URL parser writes IPv6 hosts in their canonical, compressed form.
    return new URL(`http://[${ipAddress}]`).hostname.slice(1, -1);
  } catch {
    return ipAddress;
  }
}

/**
 * Whom a rate limit counts: the address, or for IPv6 its /64, which one subscriber usually holds
 * whole (counting per address would give them 2^64 allowances).
 */
export function clientNetwork(ipAddress: string): string {
  if (!ipAddress.includes(":")) return ipAddress;
  try {
    const groups = new URL(`http://[${ipAddress}]`).hostname.slice(1, -1);
    const [head = "", tail = ""] = groups.split("::");
    const left = head ? head.split(":") : [];
    const right = tail ? tail.split(":") : [];
    const full = groups.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
    return `${full.slice(0, 4).join(":")}::/64`;
  } catch {
    return ipAddress;
  }
}

/** The address and user agent of the request, as better-auth records them on a session (and on Vercel, its place). */
export function requestDevice(headers: Headers | null | undefined): RequestDevice {
  if (!headers) return { ipAddress: null, userAgent: null };
  return { ipAddress: displayAddress(getIP(headers, options)), userAgent: headers.get("user-agent"), place: placeFromHeaders(headers) };
}

/** The device with where it is: as it came, or looked up from its address. */
export async function locateDevice(device: RequestDevice): Promise<RequestDevice & { place: Place }> {
  return { ...device, place: device.place ?? (await lookUpPlace(device.ipAddress)) };
}
