import { expect, test } from "./fixtures";
import { accountPages, publicPages } from "./support/pages";

const EXPECTED = {
  "content-security-policy": /frame-ancestors 'none'/,
  "x-frame-options": /^DENY$/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^same-origin$/,
  "cross-origin-opener-policy": /^same-origin$/,
  "strict-transport-security": /max-age=\d+/,
};

test.describe("security headers", () => {
  test("every page, signed out and signed in, and every kind of API answer carries them", async ({ signedInPage: page, request }) => {
    const answers = [
      ...(await Promise.all(publicPages.map(({ path }) => request.get(path, { maxRedirects: 0 })))),
      ...(await Promise.all(accountPages.map(({ path }) => page.request.get(path)))),
      await request.get("/api/health"),
      await request.get("/api/openapi.json"),
      await request.get("/api/auth/users/me"),
      await request.get("/api/auth/get-session"),
    ];
    for (const answer of answers) {
      for (const [name, value] of Object.entries(EXPECTED)) {
        expect(answer.headers()[name], `${name} on ${answer.url()}`).toMatch(value);
      }
    }
  });

  test("no page can be framed, not even by one of our own", async ({ page }) => {
    await page.goto("/sign-in");
    const framedTitle = await page.evaluate(async () => {
      const frame = document.createElement("iframe");
      frame.src = "/sign-up";
      const loaded = new Promise((resolve) => frame.addEventListener("load", resolve));
      document.body.append(frame);
      await loaded;
      // A refused frame holds the browser's error page, which the parent cannot read.
      return frame.contentDocument?.title ?? null;
    });
    expect(framedTitle ?? "").not.toContain("Bastion");
  });
});
