// Set by proxy.ts on account pages, whose layout cannot otherwise see the URL it is rendering.
export const NEXT_PATH_HEADER = "x-bastion-next-path";

const PLACEHOLDER_ORIGIN = "http://bastion.invalid";

/**
 * Returns `next` when it is a path on this site, otherwise `fallback`. Used for every `next` and
 * `callbackURL` we follow, so a crafted link cannot send a person to another site after sign-in.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/account/profile"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines inside URLs and treat "\" as "/", so "/\t/evil.com" would
  // become "//evil.com": refuse any such character instead of guessing how it is read.
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  try {
    const url = new URL(next, PLACEHOLDER_ORIGIN);
    if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
    // Dot segments can resolve to a path that begins "//" ("/a/../..//evil.com" is "//evil.com"),
    // which a browser reads as another host: check the result, not only what was given.
    if (url.pathname.startsWith("//")) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
