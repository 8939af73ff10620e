import { expect, test, waitForHydration } from "./fixtures";
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

  test("every page allows only its own nonce's scripts, a new nonce each time", async ({ signedInPage: page, request }) => {
    const policies = [
      ...(await Promise.all(publicPages.map(({ path }) => request.get(path, { maxRedirects: 0 })))),
      ...(await Promise.all(accountPages.map(({ path }) => page.request.get(path)))),
    ].map((answer) => ({ url: answer.url(), policy: answer.headers()["content-security-policy"] ?? "" }));
    for (const { url, policy } of policies) {
      expect(policy, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'(;|$)/);
      expect(policy, url).not.toContain("unsafe-inline");
    }
    const nonces = policies.map(({ policy }) => policy.match(/'nonce-([^']+)'/)?.[1]);
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  test("attack: script injected into a page's markup does not run, and the page still works", async ({ page }) => {
    // What stored or reflected XSS would do: markup with a script and an event handler, served as ours.
    await page.route("**/sign-in", async (route) => {
      const answer = await route.fetch();
      const html = (await answer.text()).replace(
        "<body",
        '<script>window.injected = "script"</script><img src="/nothing-here" onerror="window.injected = \'handler\'" alt=""><body',
      );
      await route.fulfill({ response: answer, body: html });
    });
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/.test(message.text())) refused.push(message.text());
    });
    await page.goto("/sign-in");
    await waitForHydration(page);
    expect(await page.evaluate(() => (window as { injected?: string }).injected)).toBeUndefined();
    expect(refused.length).toBeGreaterThan(0);
    // Next's own scripts carry the nonce: the form is interactive.
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });
});
