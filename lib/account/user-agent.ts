import Bowser from "bowser";

export type DeviceDescription = { browser: string; os: string };

/** "Chrome 131" and "macOS 15", or "Unknown browser" when the user agent says nothing useful. */
export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  if (!userAgent) return { browser: "Unknown browser", os: "Unknown system" };
  const parsed = Bowser.parse(userAgent);
  const major = parsed.browser.version?.split(".")[0];
  const browser = parsed.browser.name ? [parsed.browser.name, major].filter(Boolean).join(" ") : "Unknown browser";
  const os = parsed.os.name ? [parsed.os.name, parsed.os.versionName ?? parsed.os.version].filter(Boolean).join(" ") : "Unknown system";
  return { browser, os };
}
