import { ageSessions, letTimePass } from "../fixtures/database";
import { expect, sameOrigin, test } from "../fixtures";
import { enableTwoFactor } from "../fixtures/two-factor";
import { call } from "../support/api";

/**
 * Attack: turn an old session into a "recent sign-in" without the second factor. better-auth replaces
 * the session when the password changes; if the replacement counted as a fresh sign-in, the password
 * alone would then open every action that a recent sign-in allows.
 */
test.describe("attack: laundering an old session through a password change", () => {
  test("with two-factor on, an old session and the password change nothing", async ({ signedInPage: page, user }) => {
    await enableTwoFactor(page, user);
    const token = decodeURIComponent((await page.context().cookies()).find((cookie) => cookie.name === "better-auth.session_token")!.value);
    await ageSessions(user.email, 11);

    const changed = await call("POST", "/api/auth/change-password", {
      token,
      json: { currentPassword: user.password, newPassword: "an attacker's new passphrase", revokeOtherSessions: true },
    });
    expect([changed.status, changed.body.error?.code]).toEqual([403, "STEP_UP_TOKEN_MISSING"]);
    expect(changed.headers.get("set-auth-token")).toBeNull();
    const disabled = await call("POST", "/api/auth/two-factor/disable", { token, json: { password: user.password } });
    expect(disabled.status).toBe(403);
    const moved = await call("POST", "/api/auth/change-email", { token, json: { newEmail: `taken-${user.email}` } });
    expect(moved.status).toBe(403);
    // The owner's password still opens the account.
    const signIn = await page.request.post("/api/auth/sign-in/email", { data: { email: user.email, password: user.password }, headers: sameOrigin() });
    expect(await signIn.json()).toMatchObject({ twoFactorRedirect: true });
  });

  test("the session a password change hands out keeps the sign-in time it replaced", async ({ signedInPage: page, user }) => {
    await ageSessions(user.email, 8);
    await page.goto("/account/security");
    await page.getByRole("main").getByRole("button", { name: "Change password" }).click();
    const form = page.locator("form").filter({ has: page.getByLabel("Current password") });
    await form.getByLabel("Current password").fill(user.password);
    await form.getByLabel("New password", { exact: true }).fill("a fresh passphrase for today");
    await form.getByLabel("Confirm new password").fill("a fresh passphrase for today");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Password changed");

    // Three minutes later the sign-in is eleven minutes old: the page must ask again.
    await letTimePass(user.email, 3);
    const answer = await page.request.post("/api/auth/two-factor/enable", { data: { password: "a fresh passphrase for today" }, headers: sameOrigin() });
    expect([answer.status(), (await answer.json()).error?.code]).toEqual([403, "STEP_UP_TOKEN_MISSING"]);
  });
});
