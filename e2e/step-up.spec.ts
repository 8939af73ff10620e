import { query, ageSessions } from "./fixtures/database";
import { expect, sameOrigin, test } from "./fixtures";
import { enableTwoFactor, freshTotpCode } from "./fixtures/two-factor";
import { openStepUpDialog } from "./support/step-up-states";

const sessionCount = async (email: string) =>
  Number((await query<{ n: number }>('select count(*) as n from session s join "user" u on u.id = s."userId" where u.email = ?', [email]))[0]!.n);

test.describe("confirming it's you on the pages", () => {
  test("a session older than ten minutes must confirm before signing out other devices; a wrong password says so", async ({ signedInPage: page, user }) => {
    const before = await sessionCount(user.email);
    expect(before).toBeGreaterThan(1);
    const dialog = await openStepUpDialog(page, user);
    await expect(dialog).toContainText("For your security, enter your password to continue.");
    await expect(dialog.getByLabel("Authentication code")).toHaveCount(0);

    await dialog.getByLabel("Password").fill("not my password");
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("The password is incorrect.");
    expect(await sessionCount(user.email)).toBe(before);

    await dialog.getByLabel("Password").fill(user.password);
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(before === 2 ? "Signed out of 1 other device." : `Signed out of ${before - 1} other devices.`);
    expect(await sessionCount(user.email)).toBe(1);
  });

  test("cancelling changes nothing; confirming then finishes the email change that asked", async ({ signedInPage: page, user, mailbox }) => {
    await ageSessions(user.email, 11);
    await page.goto("/account/profile");
    const newEmail = `moved-${user.email}`;
    await page.getByRole("button", { name: "Change email" }).click();
    await page.getByLabel("New email address").fill(newEmail);
    await page.getByRole("button", { name: "Send verification" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("main").getByRole("status")).toHaveCount(0);
    expect(await query('select "pendingEmail" from "user" where email = ?', [user.email])).toEqual([{ pendingEmail: null }]);

    await page.getByRole("button", { name: "Send verification" }).click();
    await dialog.getByLabel("Password").fill(user.password);
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(`We have sent a link to ${newEmail}.`);
    await mailbox.waitFor(newEmail, /Confirm your new email address/);
  });

  test("with two-factor on, the dialog asks for a code too before a deletion link is mailed", async ({ signedInPage: page, user, mailbox }) => {
    const { secret } = await enableTwoFactor(page, user);
    await ageSessions(user.email, 11);
    await page.goto("/account/profile");
    await page.getByLabel("Type DELETE to confirm").fill("DELETE");
    await page.getByRole("button", { name: "Delete account" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
    await dialog.getByLabel("Password").fill(user.password);
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(dialog.getByText("Enter a code.")).toBeVisible();
    await dialog.getByLabel("Authentication code").fill(await freshTotpCode(secret));
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("main").getByRole("status")).toContainText(`We have sent a link to ${user.email}.`);
    await mailbox.waitFor(user.email, /Confirm deleting your/);
  });

  test("on a stale session, turning two-factor off takes the code as well as the password", async ({ signedInPage: page, user }) => {
    const { secret } = await enableTwoFactor(page, user);
    await ageSessions(user.email, 11);
    await page.goto("/account/security");
    await page.getByRole("button", { name: "Disable", exact: true }).click();
    const disable = page.getByRole("dialog", { name: "Disable two-factor authentication" });
    await disable.getByLabel("Password").fill(user.password);
    await disable.getByRole("button", { name: "Disable" }).click();

    const confirm = page.getByRole("dialog", { name: "Confirm it's you" });
    await expect(confirm).toContainText("enter your password and a code from your authenticator app");
    await confirm.getByLabel("Password").fill(user.password);
    await confirm.getByLabel("Authentication code").fill(await freshTotpCode(secret));
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Two-factor authentication is off.");
    const [row] = await query<{ twoFactorEnabled: number | boolean }>('select "twoFactorEnabled" from "user" where email = ?', [user.email]);
    expect(Boolean(row?.twoFactorEnabled)).toBe(false);
  });

  test("the server enforces it, whatever the page does: stale sessions are refused until they step up", async ({ signedInPage: page, user }) => {
    await ageSessions(user.email, 11);
    const refusals = [
      await page.request.post("/api/auth/change-email", { data: { newEmail: `x-${user.email}` }, headers: sameOrigin() }),
      await page.request.post("/api/auth/delete-user", { data: {}, headers: sameOrigin() }),
      await page.request.post("/api/auth/change-password", { data: { currentPassword: user.password, newPassword: "a stale session's new passphrase" }, headers: sameOrigin() }),
      await page.request.post("/api/auth/two-factor/disable", { data: { password: user.password }, headers: sameOrigin() }),
      await page.request.delete("/api/auth/users/me/sessions", { headers: sameOrigin() }),
      await page.request.post("/api/auth/two-factor/enable", { data: { password: user.password }, headers: sameOrigin() }),
      await page.request.post("/api/auth/two-factor/generate-backup-codes", { data: { password: user.password }, headers: sameOrigin() }),
      await page.request.post("/api/auth/link-social", { data: { provider: "oidc", callbackURL: "/account/profile" }, headers: sameOrigin() }),
      await page.request.put("/api/auth/users/me/password", { data: { currentPassword: user.password, newPassword: "a stale session's new passphrase" }, headers: sameOrigin() }),
      await page.request.put("/api/auth/users/me/email", { data: { newEmail: `x-${user.email}` }, headers: sameOrigin() }),
      await page.request.delete("/api/auth/users/me/sessions/another-session", { headers: sameOrigin() }),
      await page.request.delete("/api/auth/users/me/connections/some-connection", { headers: sameOrigin() }),
      await page.request.delete("/api/auth/users/me", { headers: sameOrigin() }),
      await page.request.get("/api/auth/users/me/export"),
      await page.request.post("/api/auth/users/me/api-keys", { data: { name: "stale", expiresInDays: 0, scope: "manage" }, headers: sameOrigin() }),
      await page.request.get("/api/auth/passkey/generate-register-options"),
      await page.request.delete("/api/auth/users/me/passkeys/some-passkey", { headers: sameOrigin() }),
      await page.request.put("/api/auth/users/me/two-factor/email-code", { headers: sameOrigin() }),
      await page.request.delete("/api/auth/users/me/two-factor/email-code", { headers: sameOrigin() }),
    ];
    for (const refusal of refusals) {
      expect(refusal.status(), refusal.url()).toBe(403);
      expect(JSON.stringify(await refusal.json())).toContain("STEP_UP_TOKEN_MISSING");
    }
    const stepUp = await page.request.post("/api/auth/users/me/step-up", { data: { password: user.password }, headers: sameOrigin() });
    expect(stepUp.status()).toBe(200);
    // The page's cookie now carries the proof, for this session only.
    expect((await page.request.delete("/api/auth/users/me/sessions", { headers: sameOrigin() })).status()).toBe(200);
    expect((await page.request.post("/api/auth/change-email", { data: { newEmail: `x-${user.email}` }, headers: sameOrigin() })).status()).toBe(200);
  });
});
