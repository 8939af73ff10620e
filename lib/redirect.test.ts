import { describe, expect, it } from "vitest";
import { safeNextPath } from "./redirect";

describe("safeNextPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeNextPath("/account/security")).toBe("/account/security");
    expect(safeNextPath("/account/profile?tab=email#avatar")).toBe("/account/profile?tab=email#avatar");
  });

  it.each([
    ["protocol-relative URL", "//evil.example"],
    ["backslash that browsers read as a slash", "/\\evil.example"],
    ["tab that browsers strip", "/\t/evil.example"],
    ["absolute URL", "https://evil.example/account"],
    ["javascript: URL", "javascript:alert(1)"],
    ["encoded slashes with no leading slash", "%2F%2Fevil.example"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["path whose dot segments resolve to a protocol-relative URL", "/account/../..//evil.example"],
    ["single dot segment before a second slash", "/.//evil.example"],
    ["relative path", "account"],
    ["empty value", ""],
  ])("refuses a %s", (_, next) => {
    expect(safeNextPath(next)).toBe("/account/profile");
  });

  it("keeps encoded slashes inside a path on this site as a path", () => {
    expect(safeNextPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });

  it("uses the given fallback", () => {
    expect(safeNextPath(null, "/")).toBe("/");
  });
});
