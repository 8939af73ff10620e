import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The token in a cookie better-auth signed (better-call's `token.signature`: HMAC-SHA256, base64),
 * or null when it is missing or its signature is not ours.
 */
export function verifiedCookieValue(cookie: string | undefined, secret: string): string | null {
  const dot = cookie?.lastIndexOf(".") ?? -1;
  if (!cookie || dot < 1) return null;
  const value = cookie.slice(0, dot);
  const signature = cookie.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  const expected = createHmac("sha256", secret).update(value).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}
