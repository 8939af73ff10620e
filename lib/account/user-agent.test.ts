import { describe, expect, it } from "vitest";
import { describeUserAgent } from "./user-agent";

describe("describeUserAgent", () => {
  it("names the browser with its major version and the system", () => {
    const chromeOnMac =
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.86 Safari/537.36";
    expect(describeUserAgent(chromeOnMac)).toEqual({ browser: "Chrome 131", os: "macOS Catalina" });
  });

  it("reads Firefox on Linux and Safari on an iPhone", () => {
    expect(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")).toEqual({
      browser: "Firefox 133",
      os: "Linux",
    });
    const iphone =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    expect(describeUserAgent(iphone)).toEqual({ browser: "Safari 18", os: "iOS 18.1" });
  });

  it("says unknown rather than guessing", () => {
    expect(describeUserAgent(null)).toEqual({ browser: "Unknown browser", os: "Unknown system" });
    expect(describeUserAgent("curl/8.5.0").os).toBe("Unknown system");
  });

  it("answers the same each time, for user agents it keeps and ones it has forgotten or never keeps", () => {
    const firefox = (version: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${version}.0) Gecko/20100101 Firefox/${version}.0`;
    const first = describeUserAgent(firefox(1));
    first.browser = "changed by a caller";
    expect(describeUserAgent(firefox(1))).toEqual({ browser: "Firefox 1", os: "Linux" });
    for (let version = 2; version <= 1500; version++) describeUserAgent(firefox(version));
    expect(describeUserAgent(firefox(1))).toEqual({ browser: "Firefox 1", os: "Linux" });
    expect(describeUserAgent(firefox(1500))).toEqual({ browser: "Firefox 1500", os: "Linux" });
    expect(describeUserAgent(`${firefox(133)} ${"x".repeat(2000)}`)).toEqual({ browser: "Firefox 133", os: "Linux" });
  });
});
