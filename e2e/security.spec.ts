import { readFileSync } from "node:fs";
import { query } from "./fixtures/database";
import { FIREFOX_ON_LINUX, createVerifiedUser, expect, otherDevice, sameOrigin, signIn, signOutWithButton, test } from "./fixtures";
import { enableTwoFactor, freshTotpCode, openBackupCodesDialog, readBackupCodes, signInWithPassword, totpCode, chooseAnotherMethod } from "./fixtures/two-factor";

const SAFARI_ON_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

async function passwordHash(email: string) {
  const [row] = await query<{ password: string }>(
    'select a.password from account a join "user" u on u.id = a."userId" where u.email = ? and a."providerId" = \'credential\'',
    [email],
  );
  return row!.password;
}

test.describe("changing the password", () => {
  test("needs the current password, keeps this device signed in and signs out the others", async ({ browser, signedInPage: page, user }) => {
    const elsewhere = await otherDevice(browser, user);
    const newPassword = `${user.password} renewed`;
    const hashBefore = await passwordHash(user.email);

    await page.goto("/account/security");
    const form = page.getByRole("main");
    await form.getByRole("button", { name: "Change password" }).click();
    const submit = form.getByRole("button", { name: "Change password" });
    await form.getByLabel("Current password").fill("not my password");
    await form.getByLabel("New password", { exact: true }).fill(newPassword);
    await form.getByLabel("Confirm new password").fill(`${newPassword}!`);
    await expect(submit).toBeDisabled();
    await form.getByLabel("Confirm new password").fill(newPassword);
    await expect(submit).toBeEnabled();
    await expect(form.getByLabel("Sign out of other devices")).toBeChecked();

    await submit.click();
    await expect(form.getByRole("alert")).toHaveText("The password is incorrect.");
    expect(await passwordHash(user.email)).toBe(hashBefore);

    await form.getByLabel("Current password").fill(user.password);
    await submit.click();
    await expect(form.getByRole("status")).toHaveText("Password changed. Every other device has been signed out.");
    // The form has closed; the keyboard is back on the button that opened it.
    await expect(form.getByLabel("Current password")).toHaveCount(0);
    await expect(form.getByRole("button", { name: "Change password" })).toBeFocused();
    expect(await passwordHash(user.email)).not.toBe(hashBefore);

    await page.reload();
    await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    await elsewhere.goto("/account/profile");
    await expect(elsewhere).toHaveURL(/\/sign-in\?next=/);
    await elsewhere.context().close();

    const oldPassword = await page.request.post("/api/auth/sign-in/email", { data: { email: user.email, password: user.password }, headers: sameOrigin() });
    expect(oldPassword.status()).toBe(401);
    await signIn(page, { ...user, password: newPassword });
  });

  test("the form opens at the current password and closes where it opened", async ({ signedInPage: page }) => {
    await page.goto("/account/security");
    const main = page.getByRole("main");
    const open = main.getByRole("button", { name: "Change password" });
    await open.click();
    await expect(main.getByLabel("Current password")).toBeFocused();
    await main.getByLabel("Current password").fill("typed, then abandoned");
    await main.getByRole("button", { name: "Cancel" }).click();
    await expect(main.getByLabel("Current password")).toHaveCount(0);
    await expect(open).toBeFocused();
    // Opened again, it starts empty.
    await open.click();
    await expect(main.getByLabel("Current password")).toHaveValue("");
  });

  test("leaves other devices signed in when asked to", async ({ browser, signedInPage: page, user }) => {
    const elsewhere = await otherDevice(browser, user);
    await page.goto("/account/security");
    const form = page.getByRole("main");
    await form.getByRole("button", { name: "Change password" }).click();
    await form.getByLabel("Current password").fill(user.password);
    await form.getByLabel("New password", { exact: true }).fill(`${user.password} again`);
    await form.getByLabel("Confirm new password").fill(`${user.password} again`);
    await form.getByLabel("Sign out of other devices").uncheck();
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByRole("status")).toHaveText("Password changed.");

    await elsewhere.goto("/account/security");
    await expect(elsewhere.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    await elsewhere.context().close();
  });

  test("refuses the most common passwords in the form and on the server, changing nothing", async ({ signedInPage: page, user }) => {
    const hashBefore = await passwordHash(user.email);
    await page.goto("/account/security");
    const form = page.getByRole("main");
    await form.getByRole("button", { name: "Change password" }).click();
    await form.getByLabel("Current password").fill(user.password);
    await form.getByLabel("New password", { exact: true }).fill("qwertyuiop");
    await form.getByLabel("Confirm new password").fill("qwertyuiop");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByRole("alert")).toHaveText("This password is one of the most common and easy to guess. Choose another.");

    for (const newPassword of ["Password123", "short"]) {
      const response = await page.request.post("/api/auth/change-password", {
        data: { currentPassword: user.password, newPassword, revokeOtherSessions: false },
        headers: sameOrigin(),
      });
      expect(response.status()).toBe(400);
      expect((await response.json()).error.code).toBe("INVALID_INPUT");
    }
    expect(await passwordHash(user.email)).toBe(hashBefore);
  });

  test("a common password is refused at sign-up too", async ({ request }) => {
    const response = await request.post("/api/auth/sign-up/email", {
      data: { name: "Common", email: `common-${Date.now()}@bastion.test`, password: "iloveyou1" },
      headers: sameOrigin(),
    });
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_INPUT", message: expect.stringContaining("most common") } });
  });
});

test.describe("two-factor authentication", () => {
  test("is on only after a correct code, then sign-in asks for a code before anything opens", async ({ signedInPage: page, user }) => {
    test.setTimeout(120_000);
    await page.goto("/account/security");
    await page.getByRole("button", { name: "Enable two-factor authentication" }).click();
    const passwordDialog = page.getByRole("dialog", { name: "Enable two-factor authentication" });
    await passwordDialog.getByLabel("Password").fill("not my password");
    await passwordDialog.getByRole("button", { name: "Continue" }).click();
    await expect(passwordDialog.getByRole("alert")).toHaveText("The password is incorrect.");
    await passwordDialog.getByLabel("Password").fill(user.password);
    await passwordDialog.getByRole("button", { name: "Continue" }).click();

    const scan = page.getByRole("dialog", { name: "Scan the QR code" });
    const secret = (await scan.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await scan.getByLabel("6-digit code").fill("000000" === totpCode(secret) ? "111111" : "000000");
    await scan.getByRole("button", { name: "Verify" }).click();
    await expect(scan.getByRole("alert")).toHaveText("That code is not right. Check it, or use the newest one, and try again.");
    const [pending] = await query<{ twoFactorEnabled: number | boolean }>('select "twoFactorEnabled" from "user" where email = ?', [user.email]);
    expect(Boolean(pending?.twoFactorEnabled)).toBe(false);

    await scan.getByLabel("6-digit code").fill(await freshTotpCode(secret));
    await scan.getByRole("button", { name: "Verify" }).click();
    const saved = page.getByRole("dialog", { name: "Save your backup codes" });
    const codes = saved.getByRole("list", { name: "Backup codes" }).getByRole("listitem");
    await expect(codes).toHaveCount(10);
    await expect(saved.getByRole("button", { name: "Download .txt" })).toBeVisible();
    await expect(saved.getByRole("button", { name: "Print" })).toBeVisible();

    const done = saved.getByRole("button", { name: "Done" });
    await expect(done).toBeDisabled();
    await saved.getByLabel("I have saved these codes").check();
    await done.click();
    await expect(saved).toBeHidden();
    const card = page.getByRole("main");
    await expect(card.getByText("10 backup codes left.")).toBeVisible();
    await expect(card.getByRole("button", { name: "Disable" })).toBeVisible();

    await signOutWithButton(page);
    await signInWithPassword(page, user);
    await expect(page).toHaveURL(/\/two-factor\?next=/);
    // Between the two steps there is no session, for pages and for the API.
    const between = await page.request.get("/api/auth/get-session");
    expect(await between.json()).toBeNull();
    const sessions = await page.request.delete("/api/auth/users/me/sessions", { headers: sameOrigin() });
    expect(sessions.status()).toBe(401);
    await page.goto("/account/security");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await page.goto("/two-factor?next=/account/profile");

    await page.getByLabel("Authentication code").fill(await freshTotpCode(secret));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
  });

  test("the backup codes download as a text file that holds every one of them", async ({ playwright, launchOptions, user, baseURL }) => {
    // A browser of the test's own: Chromium now and then never finishes disposing a browser context
    // that made a download (the shared context's teardown then hung for the test's whole timeout, in
    // about one run in six), while closing a whole browser does not wait for that.
    const browser = await playwright.chromium.launch(launchOptions);
    try {
      const page = await (await browser.newContext({ baseURL, acceptDownloads: true })).newPage();
      await signIn(page, user);
      const { saved } = await openBackupCodesDialog(page, user);
      const codes = await readBackupCodes(saved);

      const download = page.waitForEvent("download");
      await saved.getByRole("button", { name: "Download .txt" }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe("bastion-backup-codes.txt");
      const text = readFileSync((await file.path())!, "utf8");
      for (const code of codes) expect(text).toContain(code);
    } finally {
      await browser.close();
    }
  });

  test("an authenticator code signs in once: seen and typed again within its 90 seconds, it is refused", async ({ signedInPage: page, user }) => {
    test.setTimeout(120_000);
    const { secret } = await enableTwoFactor(page, user);
    await signOutWithButton(page);
    await signInWithPassword(page, user);
    const code = await freshTotpCode(secret);
    await page.getByLabel("Authentication code").fill(code);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);

    // Someone who watched the code go in tries it at once, from a sign-in of their own.
    await signOutWithButton(page);
    await signInWithPassword(page, user);
    await page.getByLabel("Authentication code").fill(code);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That code has already been used. Wait for the next one in your authenticator app.");
    await expect(page).toHaveURL(/\/two-factor/);

    // The app's next code still works.
    await page.getByLabel("Authentication code").fill(await freshTotpCode(secret));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
  });

  test("a backup code signs in once", async ({ signedInPage: page, user }) => {
    const { backupCodes } = await enableTwoFactor(page, user);
    const [first, second] = backupCodes;

    const signInWithBackupCode = async (code: string) => {
      await signInWithPassword(page, user);
      await chooseAnotherMethod(page, "Backup code");
      await page.getByLabel("Backup code").fill(code);
      await page.getByRole("button", { name: "Verify" }).click();
    };

    await signOutWithButton(page);
    await signInWithBackupCode(first!);
    await expect(page).toHaveURL(/\/account\/profile$/);
    await page.goto("/account/security");
    await expect(page.getByRole("main").getByText("9 backup codes left.")).toBeVisible();

    await signOutWithButton(page);
    await signInWithBackupCode(first!);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That backup code is not right, or it has already been used.");
    await page.getByLabel("Backup code").fill(second!);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
  });

  test("regenerating backup codes needs the password and ends every earlier code; disabling needs it too", async ({ signedInPage: page, user, request }) => {
    const { backupCodes: oldCodes, secret } = await enableTwoFactor(page, user);

    await page.getByRole("button", { name: "Regenerate backup codes" }).click();
    const regenerate = page.getByRole("dialog", { name: "Regenerate backup codes" });
    await regenerate.getByLabel("Password").fill("not my password");
    await regenerate.getByRole("button", { name: "Regenerate" }).click();
    await expect(regenerate.getByRole("alert")).toHaveText("The password is incorrect.");
    await regenerate.getByLabel("Password").fill(user.password);
    await regenerate.getByRole("button", { name: "Regenerate" }).click();
    const fresh = page.getByRole("dialog", { name: "Your new backup codes" });
    const newCodes = await readBackupCodes(fresh);
    expect(newCodes.filter((code) => oldCodes.includes(code))).toEqual([]);
    await fresh.getByLabel("I have saved these codes").check();
    await fresh.getByRole("button", { name: "Done" }).click();

    // An old code no longer opens the second step; a new one does.
    const signInStep = await request.post("/api/auth/sign-in/email", { data: { email: user.email, password: user.password }, headers: sameOrigin() });
    expect(await signInStep.json()).toMatchObject({ twoFactorRedirect: true });
    const old = await request.post("/api/auth/two-factor/verify-backup-code", { data: { code: oldCodes[0] }, headers: sameOrigin() });
    expect(old.status()).toBe(401);
    const current = await request.post("/api/auth/two-factor/verify-backup-code", { data: { code: newCodes[0] }, headers: sameOrigin() });
    expect(current.status()).toBe(200);

    await page.getByRole("button", { name: "Disable" }).click();
    const disable = page.getByRole("dialog", { name: "Disable two-factor authentication" });
    await disable.getByLabel("Password").fill("not my password");
    await disable.getByRole("button", { name: "Disable" }).click();
    await expect(disable.getByRole("alert")).toHaveText("The password is incorrect.");
    await disable.getByLabel("Password").fill(user.password);
    await disable.getByRole("button", { name: "Disable" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Two-factor authentication is off.");
    await expect(page.getByRole("button", { name: "Enable two-factor authentication" })).toBeVisible();

    await signOutWithButton(page);
    await signInWithPassword(page, user);
    await expect(page).toHaveURL(/\/account\/profile$/);
    expect(secret).not.toBe("");
  });

  test("a trusted device skips the second step for 30 days", async ({ signedInPage: page, user }) => {
    const { secret } = await enableTwoFactor(page, user);
    await signOutWithButton(page);

    await signInWithPassword(page, user);
    await page.getByLabel("Authentication code").fill(await freshTotpCode(secret));
    await page.getByLabel("Trust this device for 30 days").check();
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
    const trust = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("trust_device"));
    const days = (trust!.expires - Date.now() / 1000) / 86_400;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    await signOutWithButton(page);
    await signInWithPassword(page, user);
    await expect(page).toHaveURL(/\/account\/profile$/);
  });
});

test.describe("active sessions", () => {
  test("lists each device, revokes one, and signs out the rest, saying how many", async ({ browser, signedInPage: page, user }) => {
    const firefox = await otherDevice(browser, user, FIREFOX_ON_LINUX);
    const iphone = await otherDevice(browser, user, SAFARI_ON_IPHONE);

    await page.goto("/account/security");
    const sessions = page.getByRole("main").getByRole("listitem").filter({ hasText: "IP address" });
    const [row] = await query<{ count: number }>('select count(*) as count from session s join "user" u on u.id = s."userId" where u.email = ?', [user.email]);
    const count = Number(row!.count);
    await expect(sessions).toHaveCount(count);
    const thisDevice = sessions.first();
    await expect(thisDevice).toContainText("This device");
    await expect(sessions.filter({ hasText: "This device" })).toHaveCount(1);
    await expect(thisDevice.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
    for (const label of ["Signed in", "Last active", "IP address"]) await expect(thisDevice).toContainText(label);

    const firefoxRow = page.getByRole("listitem", { name: "Firefox 133 on Linux" });
    await expect(page.getByRole("listitem", { name: "Safari 18 on iOS 18.1" })).toBeVisible();
    await firefoxRow.getByRole("button", { name: /Revoke/ }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("That device has been signed out.");
    await expect(firefoxRow).toHaveCount(0);
    await expect(sessions).toHaveCount(count - 1);

    await firefox.goto("/account/security");
    await expect(firefox).toHaveURL(/\/sign-in/);
    await iphone.goto("/account/security");
    await expect(iphone.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();

    await page.getByRole("button", { name: "Sign out other devices" }).click();
    const others = count - 2;
    await expect(page.getByRole("main").getByRole("status")).toHaveText(`Signed out of ${others} other device${others === 1 ? "" : "s"}.`);
    await expect(sessions).toHaveCount(1);
    await iphone.goto("/account/security");
    await expect(iphone).toHaveURL(/\/sign-in/);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    await firefox.context().close();
    await iphone.context().close();
  });

  test("session tokens never reach the browser, and nobody can revoke another person's session", async ({ browser, signedInPage: page, user, request, mailbox }) => {
    const other = await createVerifiedUser(request, mailbox);
    const otherPage = await otherDevice(browser, other);
    const [otherSession] = await query<{ id: string }>('select s.id from session s join "user" u on u.id = s."userId" where u.email = ?', [other.email]);

    await page.goto("/account/security");
    const html = await page.content();
    const tokens = await query<{ token: string }>('select s.token from session s join "user" u on u.id = s."userId" where u.email = ?', [user.email]);
    for (const { token } of tokens) expect(html).not.toContain(token);

    const attempt = await page.request.delete(`/api/auth/users/me/sessions/${otherSession!.id}`, { headers: sameOrigin() });
    expect(attempt.status()).toBe(404);
    expect(await attempt.json()).toEqual({ error: { code: "NOT_FOUND", message: "No such session." } });
    expect(await query('select id from session where id = ?', [otherSession!.id])).toHaveLength(1);

    const crossSite = await page.request.delete("/api/auth/users/me/sessions", { headers: { origin: "https://evil.example" } });
    expect(crossSite.status()).toBe(403);
    const stranger = await browser.newContext();
    const anonymous = await stranger.request.delete(`/api/auth/users/me/sessions/${otherSession!.id}`, { headers: sameOrigin() });
    expect(anonymous.status()).toBe(401);
    await stranger.close();

    await otherPage.goto("/account/security");
    await expect(otherPage.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    await otherPage.context().close();
  });
});
