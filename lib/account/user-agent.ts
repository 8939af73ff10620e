import Bowser from "bowser";

export type DeviceDescription = { browser: string; os: string };

// Bowser tries its patterns one by one (10 µs a user agent when hot, several times that amid a
// render), and the security page names a device for every session and every activity entry on each
// render. A person has few user agents, so their descriptions are kept: at most 1,000, oldest
// forgotten first, and only of user agents of a length browsers send (a client could send any
// header; this keeps the memory bounded).
const KEPT = 1000;
const KEPT_LENGTH = 512;
const described = new Map<string, DeviceDescription>();

/** "Chrome 131" and "macOS 15", or "Unknown browser" when the user agent says nothing useful. */
export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  if (!userAgent) return { browser: "Unknown browser", os: "Unknown system" };
  if (userAgent.length > KEPT_LENGTH) return parse(userAgent);
  let description = described.get(userAgent);
  if (!description) {
    description = parse(userAgent);
    if (described.size >= KEPT) described.delete(described.keys().next().value!);
    described.set(userAgent, description);
  }
  return { ...description };
}

function parse(userAgent: string): DeviceDescription {
  const parsed = Bowser.parse(userAgent);
  const major = parsed.browser.version?.split(".")[0];
  const browser = parsed.browser.name ? [parsed.browser.name, major].filter(Boolean).join(" ") : "Unknown browser";
  const os = parsed.os.name ? [parsed.os.name, parsed.os.versionName ?? parsed.os.version].filter(Boolean).join(" ") : "Unknown system";
  return { browser, os };
}
