import { describe, expect, it } from "vitest";
import type { SecurityActivityEntry } from "./activity";
import { activityCsv } from "./export";

const entry = (overrides: Partial<SecurityActivityEntry>): SecurityActivityEntry => ({
  id: "e1",
  type: "sign_in",
  title: "Signed in",
  detail: null,
  device: "Firefox 133 on Linux",
  ipAddress: "81.2.69.142",
  location: "London, United Kingdom",
  createdAt: new Date("2026-12-06T10:00:00Z"),
  currentSession: false,
  ...overrides,
});

describe("the security activity as CSV", () => {
  it("has a header and one row per entry, in the order given", () => {
    expect(activityCsv([entry({}), entry({ title: "Password changed", detail: "Other devices were signed out", location: null })])).toBe(
      "When (UTC),What,Detail,Device,IP address,Location\r\n" +
        '2026-12-06T10:00:00.000Z,Signed in,,Firefox 133 on Linux,81.2.69.142,"London, United Kingdom"\r\n' +
        "2026-12-06T10:00:00.000Z,Password changed,Other devices were signed out,Firefox 133 on Linux,81.2.69.142,\r\n",
    );
  });

  it("quotes what would split a cell, and keeps a spreadsheet from running a detail as a formula", () => {
    const [, row] = activityCsv([entry({ detail: '=HYPERLINK("https://evil.example")', device: 'Say "hi"\nthere' })]).split("\r\n");
    expect(row).toBe(`2026-12-06T10:00:00.000Z,Signed in,"'=HYPERLINK(""https://evil.example"")","Say ""hi""\nthere",81.2.69.142,"London, United Kingdom"`);
  });
});
