import { createVerifiedUser, expect, sameOrigin, signIn, test } from "../fixtures";

/**
 * Attack: a link to our sign-in page whose `next`, `callbackURL` or `redirectTo` points elsewhere, so
 * that a person who signs in on the real site lands on the attacker's (a phishing page that asks for
 * the password again, or a javascript: URL). Every such parameter must stay on our origin.
 */
const FORGED = [
  "//evil.example/account",
  "/\\evil.example",
  "\\\\evil.example",
  "%2F%2Fevil.example",
  "/%2F%2Fevil.example",
  "/\t/evil.example",
  "https://evil.example/account/profile",
  "http:evil.example",
  "javascript:alert(document.domain)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/account/../..//evil.example",
];

test.describe("attack: open redirect through next, callbackURL and redirectTo", () => {
  test("signing in from a forged next= lands on our own origin", async ({ page, request, mailbox, baseURL }) => {
    const user = await createVerifiedUser(request, mailbox);
    const origin = new URL(baseURL!).origin;
    for (const next of FORGED) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      expect(new URL(page.url()).origin, `next=${next}`).toBe(origin);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
  });

  test("a signed-in visit to a forged next= on the sign-in and second-step pages stays on our origin", async ({ signedInPage: page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    for (const path of ["/sign-in", "/two-factor"]) {
      for (const next of FORGED) {
        await page.goto(`${path}?next=${encodeURIComponent(next)}`);
        expect(new URL(page.url()).origin, `${path}?next=${next}`).toBe(origin);
      }
    }
  });

  test("better-auth refuses a callbackURL or redirectTo on another origin", async ({ request, mailbox }) => {
    const user = await createVerifiedUser(request, mailbox);
    for (const target of ["https://evil.example/", "//evil.example", "javascript:alert(1)"]) {
      const signInAnswer = await request.post("/api/auth/sign-in/email", {
        data: { email: user.email, password: user.password, callbackURL: target },
        headers: sameOrigin(),
      });
      expect(signInAnswer.status(), `sign-in callbackURL=${target}`).toBe(403);
      const reset = await request.post("/api/auth/request-password-reset", { data: { email: user.email, redirectTo: target }, headers: sameOrigin() });
      expect(reset.status(), `reset redirectTo=${target}`).toBe(403);
      const social = await request.post("/api/auth/sign-in/social", { data: { provider: "oidc", callbackURL: target }, headers: sameOrigin() });
      expect(social.status(), `provider sign-in callbackURL=${target}`).toBe(403);
    }
    expect(mailbox.all(user.email).filter((mail) => /Reset your/.test(mail.subject))).toHaveLength(0);
  });

  test("a mailed link with its callbackURL swapped for another origin does not leave the site", async ({ page, mailbox }) => {
    const user = await createVerifiedUser(page.request, mailbox);
    await signIn(page, user);
    const change = await page.request.post("/api/auth/change-email", { data: { newEmail: `moved-${user.email}`, callbackURL: "/account/profile" }, headers: sameOrigin() });
    expect(change.ok()).toBe(true);
    const mail = await mailbox.waitFor(`moved-${user.email}`, /Confirm your new email/);
    const forged = new URL(mail.link);
    forged.searchParams.set("callbackURL", "https://evil.example/welcome");
    const answer = await page.request.get(forged.toString(), { maxRedirects: 0 });
    expect(answer.headers().location ?? "").not.toContain("evil.example");
    expect(answer.status()).not.toBe(200);
  });
});
