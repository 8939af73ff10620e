import type { Browser, Page } from "@playwright/test";
import { ageSessions, query, storedTime } from "./fixtures/database";
import { expect, sameOrigin, test, waitForHydration, type TestUser } from "./fixtures";
import { atSecondStep, enableTwoFactor, freshTotpCode, mailedCode, otherCode, signInWithPassword, turnOnEmailCodes } from "./fixtures/two-factor";

const SIGN_IN_CODE = /sign-in code/;
const STEP_UP_CODE = /code to confirm it's you/;

/** Another browser at the second step of signing in, on the page a person sees. */
async function secondStepPage(browser: Browser, baseURL: string, user: TestUser): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signInWithPassword(page, user);
  await expect(page).toHaveURL(/\/two-factor/);
  await waitForHydration(page);
  return page;
}

test.describe("codes by email as a second way through two-factor", () => {
  test("turned on behind step-up; at the second step a mailed code signs in, a wrong one is refused, and both show in the activity", async ({
    signedInPage: page,
    user,
    mailbox,
    browser,
    baseURL,
  }) => {
    const { secret } = await enableTwoFactor(page, user);
    // Off until turned on: the option is offered, the second step does not take codes by email.
    await expect(page.getByRole("button", { name: "Turn on codes by email" })).toBeVisible();
    const before = await secondStepPage(browser, baseURL!, user);
    await before.getByRole("button", { name: "Use another method" }).click();
    await expect(before.getByRole("button", { name: /Code by email/ })).toHaveCount(0);
    await before.context().close();

    // On a session older than ten minutes, turning them on asks for the password and a code first.
    await ageSessions(user.email, 11);
    await page.goto("/account/security");
    await page.getByRole("button", { name: "Turn on codes by email" }).click();
    const confirm = page.getByRole("dialog", { name: "Confirm it's you" });
    await confirm.getByLabel("Password").fill(user.password);
    await confirm.getByLabel("Authentication code").fill(await freshTotpCode(secret));
    await confirm.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Codes by email are on.");
    await expect(page.getByRole("button", { name: "Turn off codes by email" })).toBeVisible();
    await mailbox.waitFor(user.email, /Codes by email are on/);

    const second = await secondStepPage(browser, baseURL!, user);
    // It opens on the authenticator app, the preferred method until another is chosen.
    await expect(second.getByLabel("Authentication code")).toBeVisible();
    await second.getByRole("button", { name: "Use another method" }).click();
    const choices = second.getByRole("listitem");
    await expect(choices).toHaveText([/Authenticator app/, /Code by email/, /Backup code/]);
    await second.getByRole("button", { name: /Code by email/ }).click();
    const sentBefore = mailbox.all(user.email).length;
    await second.getByRole("button", { name: "Email me a code" }).click();
    await expect(second.getByRole("status")).toHaveText("We emailed you a code. It works once, within 5 minutes.");
    const code = await mailedCode(mailbox, user.email, SIGN_IN_CODE, sentBefore);

    await second.getByLabel("Code from the email").fill(otherCode(code));
    await second.getByRole("button", { name: "Verify" }).click();
    await expect(second.locator("form").getByRole("alert")).toHaveText("That code is not right. Check it, or use the newest one, and try again.");
    await second.getByLabel("Code from the email").fill(code);
    await second.getByRole("button", { name: "Verify" }).click();
    await expect(second).toHaveURL(/\/account\/profile$/);

    await second.goto("/account/security");
    const activity = second.locator("#activity");
    await expect(activity.getByRole("listitem").filter({ hasText: /^Signed in/ }).first()).toContainText("With a code sent by email");
    await expect(activity.getByRole("listitem").filter({ hasText: /^Code sent by email/ }).first()).toContainText("To finish signing in");
    await expect(activity.getByRole("listitem").filter({ hasText: "Sign-in stopped at the second step" }).first()).toContainText("Wrong code");
    await expect(activity.getByRole("listitem").filter({ hasText: "Codes by email turned on" })).toHaveCount(1);
  });

  test("a code is kept only as a hash, works once, and not after its five minutes", async ({ signedInPage: page, user, mailbox, browser, baseURL }) => {
    await enableTwoFactor(page, user);
    await turnOnEmailCodes(page);

    const thief = await atSecondStep(browser, baseURL!, user);
    const sentBefore = mailbox.all(user.email).length;
    const sent = await thief.request.post("/api/auth/two-factor/send-otp", { data: {}, headers: sameOrigin() });
    expect(sent.status()).toBe(200);
    const code = await mailedCode(mailbox, user.email, SIGN_IN_CODE, sentBefore);
    const [stored] = await query<{ value: string; expiresAt: string | Date }>(`select value, "expiresAt" from verification where identifier like '2fa-otp-%' order by "createdAt" desc limit 1`);
    expect(stored!.value).not.toContain(code);
    const minutesLeft = (new Date(stored!.expiresAt).getTime() - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(4);
    expect(minutesLeft).toBeLessThanOrEqual(5);

    // Five minutes later (the stored expiry moved back), the right code is refused.
    await query(`update verification set "expiresAt" = ? where identifier like '2fa-otp-%' and value = ?`, [storedTime(new Date(Date.now() - 1000)), stored!.value]);
    const late = await thief.request.post("/api/auth/two-factor/verify-otp", { data: { code }, headers: sameOrigin() });
    expect(late.status()).toBe(400);
    expect((await late.json()).error.code).toBe("OTP_HAS_EXPIRED");

    // A new code works once: the same code again, in step-up, is refused.
    await ageSessions(user.email, 11);
    const stepUpSentBefore = mailbox.all(user.email).length;
    expect((await page.request.post("/api/auth/users/me/step-up/email-code", { headers: sameOrigin() })).status()).toBe(202);
    const stepUpCode = await mailedCode(mailbox, user.email, STEP_UP_CODE, stepUpSentBefore);
    const first = await page.request.post("/api/auth/users/me/step-up", { data: { password: user.password, code: stepUpCode, codeMethod: "email" }, headers: sameOrigin() });
    expect(first.status()).toBe(200);
    const again = await page.request.post("/api/auth/users/me/step-up", { data: { password: user.password, code: stepUpCode, codeMethod: "email" }, headers: sameOrigin() });
    expect(again.status()).toBe(400);
    expect((await again.json()).error.code).toBe("OTP_HAS_EXPIRED");
    await thief.close();
  });

  test("the preferred method: the second step opens on it and offers the others; the step-up dialog opens on it too", async ({
    signedInPage: page,
    user,
    mailbox,
    browser,
    baseURL,
  }) => {
    const { backupCodes } = await enableTwoFactor(page, user);
    await turnOnEmailCodes(page);
    await page.getByLabel("Preferred method").selectOption({ label: "Code by email" });
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Sign-in will open on: code by email.");
    await page.reload();
    await expect(page.getByLabel("Preferred method")).toHaveValue("email");

    const second = await secondStepPage(browser, baseURL!, user);
    await expect(second.getByRole("button", { name: "Email me a code" })).toBeVisible();
    await second.getByRole("button", { name: "Use another method" }).click();
    await second.getByRole("button", { name: /Backup code/ }).click();
    await second.getByLabel("Backup code").fill(backupCodes[0]!);
    await second.getByRole("button", { name: "Verify" }).click();
    await expect(second).toHaveURL(/\/account\/profile$/);
    await second.context().close();

    // The step-up dialog, on a stale session, asks for the code by email first.
    await ageSessions(user.email, 11);
    await page.goto("/account/security");
    await page.getByRole("button", { name: "Sign out other devices" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
    await expect(dialog).toContainText("a code from your authenticator app, your email or your backup codes");
    await dialog.getByLabel("Password").fill(user.password);
    const sentBefore = mailbox.all(user.email).length;
    await dialog.getByRole("button", { name: "Email me a code" }).click();
    await expect(dialog.getByRole("button", { name: "Send a new code" })).toBeVisible();
    await dialog.getByLabel("Code from the email").fill(await mailedCode(mailbox, user.email, STEP_UP_CODE, sentBefore));
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/Signed out of \d+ other devices?\./);
    await expect(page.locator("#activity").getByRole("listitem").filter({ hasText: /^Code sent by email/ }).first()).toContainText("To confirm it's you");
  });

  test("turning two-factor off turns codes by email off too, and the preference with them", async ({ signedInPage: page, user }) => {
    await enableTwoFactor(page, user);
    await turnOnEmailCodes(page);
    await page.getByLabel("Preferred method").selectOption({ label: "Code by email" });
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Sign-in will open on: code by email.");
    expect((await page.request.post("/api/auth/two-factor/disable", { data: { password: user.password }, headers: sameOrigin() })).status()).toBe(200);
    const [row] = await query<{ emailCodeEnabled: number | boolean; preferredSecondFactor: string | null }>(
      'select "emailCodeEnabled", "preferredSecondFactor" from "user" where email = ?',
      [user.email],
    );
    expect(Boolean(row!.emailCodeEnabled)).toBe(false);
    expect(row!.preferredSecondFactor).toBeNull();
    // And they cannot come back on without it.
    const refused = await page.request.put("/api/auth/users/me/two-factor/email-code", { headers: sameOrigin() });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.code).toBe("TWO_FACTOR_OFF");
  });
});

test.describe("attack: codes by email with the password, or with a stolen session", () => {
  test("at the second step of an account without them, no code is mailed", async ({ signedInPage: page, user, mailbox, browser, baseURL }) => {
    await enableTwoFactor(page, user);
    const thief = await atSecondStep(browser, baseURL!, user);
    const sentBefore = mailbox.all(user.email).length;
    const asked = await thief.request.post("/api/auth/two-factor/send-otp", { data: {}, headers: sameOrigin() });
    expect(asked.status()).toBe(403);
    expect((await asked.json()).error.code).toBe("EMAIL_CODE_OFF");
    const guessed = await thief.request.post("/api/auth/two-factor/verify-otp", { data: { code: "123456" }, headers: sameOrigin() });
    expect(guessed.status()).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailbox.all(user.email).slice(sentBefore).filter((mail) => SIGN_IN_CODE.test(mail.subject))).toEqual([]);
    await thief.close();
  });

  test("a session cannot use the sign-in's codes: not to turn two-factor on by email, not to skip step-up", async ({ signedInPage: page, user, mailbox }) => {
    // Two-factor off: better-auth would turn it on for a session that verifies a mailed code.
    const sentBefore = mailbox.all(user.email).length;
    for (const path of ["/api/auth/two-factor/send-otp", "/api/auth/two-factor/verify-otp"]) {
      const answer = await page.request.post(path, { data: path.endsWith("verify-otp") ? { code: "123456" } : {}, headers: sameOrigin() });
      expect(answer.status(), path).toBe(403);
    }
    const [row] = await query<{ twoFactorEnabled: number | boolean | null }>('select "twoFactorEnabled" from "user" where email = ?', [user.email]);
    expect(Boolean(row!.twoFactorEnabled)).toBe(false);
    // Nor can step-up mail one while codes by email are off.
    const stepUp = await page.request.post("/api/auth/users/me/step-up/email-code", { headers: sameOrigin() });
    expect(stepUp.status()).toBe(403);
    expect((await stepUp.json()).error.code).toBe("EMAIL_CODE_OFF");
    expect(mailbox.all(user.email).slice(sentBefore).filter((mail) => /code/.test(mail.subject))).toEqual([]);

    // With them on, a stale session still needs the password as well as the mailed code.
    await enableTwoFactor(page, user);
    await turnOnEmailCodes(page);
    await ageSessions(user.email, 11);
    const codeOnly = await page.request.post("/api/auth/users/me/step-up", { data: { code: "123456", codeMethod: "email" }, headers: sameOrigin() });
    expect(codeOnly.status()).toBe(400);
    const turnOff = await page.request.delete("/api/auth/users/me/two-factor/email-code", { headers: sameOrigin() });
    expect(turnOff.status()).toBe(403);
    expect((await turnOff.json()).error.code).toBe("STEP_UP_TOKEN_MISSING");
  });
});
