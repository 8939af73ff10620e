import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { query } from "./fixtures/database";
import { FIREFOX_ON_LINUX, createVerifiedUser, expect, otherDevice, sameOrigin, signIn, test, waitForHydration } from "./fixtures";
import { enableTwoFactor, signInWithPassword, chooseAnotherMethod } from "./fixtures/two-factor";

const activity = (page: Page) => page.getByRole("list", { name: "Security activity, newest first" }).getByRole("listitem");

async function userId(email: string) {
  const [row] = await query<{ id: string }>('select id from "user" where email = ?', [email]);
  return row!.id;
}

test.describe("security activity", () => {
  test("dates show in the viewer's own time zone, with no hydration mismatch", async ({ browser, user }) => {
    // India: UTC+5:30 all year, so the expected text never depends on the date.
    const context = await browser.newContext({ timezoneId: "Asia/Kolkata" });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("pageerror", (error) => problems.push(error.message));
    await signIn(page, user);
    await page.goto("/account/security");
    await waitForHydration(page);
    // This browser's session: the person has another, from the verification link, perhaps a minute older.
    const cookie = (await context.cookies()).find((candidate) => candidate.name.endsWith("session_token"))!;
    const [session] = await query<{ signedInAt: string | Date }>('select "signedInAt" from session where token = ?', [decodeURIComponent(cookie.value).split(".")[0] ?? null]);
    const expected = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: "Asia/Kolkata" }).format(new Date(session!.signedInAt));
    await expect(page.getByRole("listitem", { name: /on / }).first()).toContainText(`Signed in${expected} GMT+5:30`);
    await expect(activity(page).first()).toContainText("GMT+5:30");
    await expect(page.getByRole("main")).not.toContainText(" UTC");
    expect(problems).toEqual([]);
    await context.close();
  });

  test("shows sign-ins and security changes newest first, with device and address; a new device's sign-in is mailed", async ({ browser, signedInPage: page, user, mailbox }) => {
    const firefox = await otherDevice(browser, user, FIREFOX_ON_LINUX);
    const newDevice = await mailbox.waitFor(user.email, /New sign-in to your account/);
    expect(newDevice.text).toContain("Device: Firefox 133 on Linux");
    expect(newDevice.text).toContain("IP address: 127.0.0.1");
    expect(newDevice.text).toMatch(/When: .+ UTC/);
    expect(newDevice.text).toContain("Not you? Reset your password:");

    await page.goto("/account/security");
    const form = page.getByRole("main");
    await form.getByRole("button", { name: "Change password" }).click();
    await form.getByLabel("Current password").fill(user.password);
    await form.getByLabel("New password", { exact: true }).fill(`${user.password} renewed`);
    await form.getByLabel("Confirm new password").fill(`${user.password} renewed`);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByRole("status")).toHaveText("Password changed. Every other device has been signed out.");
    const changed = await mailbox.waitFor(user.email, /Your password was changed/);
    expect(changed.text).toContain("IP address: 127.0.0.1");

    await page.reload();
    const entries = activity(page);
    await expect(entries.nth(0)).toContainText("Password changed");
    await expect(entries.nth(1)).toContainText("Signed in");
    await expect(entries.nth(1)).toContainText("Firefox 133 on Linux · 127.0.0.1");
    // This browser's own sign-in (its session was replaced by the password change, and is still
    // this device), and before it the one the verification link made.
    await expect(entries.nth(2)).toContainText("Signed in");
    await expect(entries.nth(2)).toContainText("This device");
    await expect(entries.nth(3)).toContainText("Signed in");
    await expect(entries).toHaveCount(4);
    // The very first sign-in of an account is not news; a browser signing in again is not either.
    expect(mailbox.all(user.email).filter((mail) => /New sign-in/.test(mail.subject))).toHaveLength(1);
    await firefox.context().close();
  });

  test("pages through 90 days, newest first, and forgets what is older", async ({ signedInPage: page, user }) => {
    const id = await userId(user.email);
    const day = 24 * 60 * 60 * 1000;
    // Twenty-two earlier backup-code uses, a day apart, and one from 91 days ago.
    for (const age of [...Array.from({ length: 22 }, (_, i) => i + 1), 91]) {
      await query('insert into security_event (id, "userId", type, "ipAddress", "userAgent", "createdAt") values (?, ?, ?, ?, ?, ?)', [
        randomUUID(),
        id,
        "backup_code_used",
        `198.51.100.${age}`,
        FIREFOX_ON_LINUX,
        new Date(Date.now() - age * day).toISOString(),
      ]);
    }
    await page.goto("/account/security");
    const entries = activity(page);
    // Newest first: this session's sign-in and the verification link's, then a day ago, two days ago...
    await expect(entries).toHaveCount(10);
    await expect(entries.first()).toContainText("Signed in");
    await expect(entries.first()).toContainText("This device");
    await expect(entries.nth(1)).toContainText("Signed in");
    await expect(entries.nth(2)).toContainText("198.51.100.1");
    await expect(entries.nth(9)).toContainText("198.51.100.8");
    const pages = page.getByRole("navigation", { name: "Security activity pages" });
    await pages.getByRole("link", { name: "Older" }).click();
    await expect(page).toHaveURL(/activity=2/);
    await expect(entries.first()).toContainText("198.51.100.9");
    await pages.getByRole("link", { name: "Older" }).click();
    await expect(entries).toHaveCount(4);
    await expect(entries.last()).toContainText("198.51.100.22");
    await expect(page.getByText("198.51.100.91")).toHaveCount(0);
    await expect(pages.getByRole("link", { name: "Older" })).toHaveCount(0);
    await pages.getByRole("link", { name: "Newer" }).click();
    await expect(entries.first()).toContainText("198.51.100.9");

    // The next event drops what is past retention from the database, not only from the page.
    await page.request.delete("/api/auth/users/me/sessions", { headers: sameOrigin() });
    await signIn(page, user);
    const [old] = await query<{ count: number }>('select count(*) as count from security_event where "userId" = ? and "ipAddress" = ?', [id, "198.51.100.91"]);
    expect(Number(old!.count)).toBe(0);
  });

  test("two-factor changes, a failed second step and a used backup code are listed, and mailed where they matter", async ({ signedInPage: page, user, mailbox }) => {
    test.setTimeout(120_000);
    const { backupCodes } = await enableTwoFactor(page, user);
    const on = await mailbox.waitFor(user.email, /Two-factor authentication is on/);
    expect(on.text).toContain("IP address: 127.0.0.1");

    await page.context().clearCookies();
    await signInWithPassword(page, user);
    await expect(page).toHaveURL(/\/two-factor/);
    await page.getByLabel("Authentication code").fill("000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/That code is not right/);
    await chooseAnotherMethod(page, "Backup code");
    await page.getByLabel("Backup code").fill(backupCodes[0]!);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/account/);
    const used = await mailbox.waitFor(user.email, /A backup code was used/);
    expect(used.text).toContain("It no longer works.");

    await page.goto("/account/security");
    const entries = activity(page);
    await expect(entries.nth(0)).toContainText("Signed in");
    await expect(entries.nth(0)).toContainText("This device");
    await expect(entries.nth(1)).toContainText("Backup code used");
    await expect(entries.nth(2)).toContainText("Sign-in stopped at the second step");
    await expect(entries.nth(2)).toContainText("Wrong code");
    await expect(entries.nth(3)).toContainText("Two-factor authentication turned on");
    // The sign-in this page's session started with, and the verification link's.
    await expect(entries.nth(4)).toContainText("Signed in");
    await expect(entries).toHaveCount(6);

    const regenerated = await page.request.post("/api/auth/two-factor/generate-backup-codes", { data: { password: user.password }, headers: sameOrigin() });
    expect(regenerated.ok()).toBe(true);
    await page.reload();
    await expect(entries.nth(0)).toContainText("Backup codes regenerated");

    await page.getByRole("button", { name: "Disable" }).click();
    const disable = page.getByRole("dialog", { name: "Disable two-factor authentication" });
    await disable.getByLabel("Password").fill(user.password);
    await disable.getByRole("button", { name: "Disable" }).click();
    await mailbox.waitFor(user.email, /Two-factor authentication is off/);
    await page.reload();
    await expect(entries.nth(0)).toContainText("Two-factor authentication turned off");
  });
});

test.describe("security activity, the rest of the list", () => {
  test("an email change, requested and completed, and devices signed out are listed; the old address is told where from", async ({ browser, signedInPage: page, user, mailbox }) => {
    const newEmail = `moved-${user.email}`;
    const requested = await page.request.post("/api/auth/change-email", { data: { newEmail, callbackURL: "/account/profile" }, headers: sameOrigin() });
    expect(requested.ok()).toBe(true);
    const link = await mailbox.waitFor(newEmail, /Confirm your new email/);
    await page.goto(link.link);
    const told = await mailbox.waitFor(user.email, /email address was changed/);
    expect(told.text).toContain("IP address: 127.0.0.1");
    expect(told.text).toMatch(/Device: \S+/);

    const elsewhere = await otherDevice(browser, { ...user, email: newEmail }, FIREFOX_ON_LINUX);
    expect((await page.request.delete("/api/auth/users/me/sessions", { headers: sameOrigin() })).ok()).toBe(true);

    await page.goto("/account/security");
    const entries = activity(page);
    // The other device, and the session the verification link started for the test's own client.
    await expect(entries.nth(0)).toContainText("Signed out a device2 other devices");
    await expect(entries.nth(1)).toContainText("Signed inFirefox 133 on Linux");
    await expect(entries.nth(2)).toContainText(`Email address changed${newEmail}`);
    await expect(entries.nth(3)).toContainText(`Email change requested${newEmail}`);
    await elsewhere.context().close();
  });
});

test.describe("This wasn't me", () => {
  test("on someone else's sign-in signs out every device, this one too, and mails a reset link", async ({ browser, signedInPage: page, user, mailbox }) => {
    const intruder = await otherDevice(browser, user, FIREFOX_ON_LINUX);
    const id = await userId(user.email);
    await query('insert into verification (id, identifier, value, "expiresAt", "createdAt", "updatedAt") values (?, ?, ?, ?, ?, ?)', [
      randomUUID(),
      `trust-device-${randomUUID()}`,
      id,
      new Date(Date.now() + 86_400_000).toISOString(),
      new Date().toISOString(),
      new Date().toISOString(),
    ]);

    await page.goto("/account/security");
    const entries = activity(page);
    const own = entries.filter({ hasText: "This device" });
    await expect(own).toHaveCount(1);
    await expect(own.getByRole("button", { name: /This wasn't me/ })).toHaveCount(0);
    const theirs = entries.filter({ hasText: "Firefox 133 on Linux" });
    await theirs.getByRole("button", { name: /This wasn't me/ }).click();
    const dialog = page.getByRole("dialog", { name: "Secure your account" });
    await expect(dialog).toContainText(user.email);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await intruder.goto("/account/profile");
    await expect(intruder.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();

    await theirs.getByRole("button", { name: /This wasn't me/ }).click();
    await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/sign-in\?reported=1$/);
    await expect(page.getByText("Every device has been signed out.")).toBeVisible();
    await intruder.goto("/account/profile");
    await expect(intruder).toHaveURL(/\/sign-in\?next=/);
    const [left] = await query<{ sessions: number; trusted: number }>(
      'select (select count(*) from session where "userId" = ?) as sessions, (select count(*) from verification where value = ? and identifier like ?) as trusted',
      [id, id, "trust-device-%"],
    );
    expect({ sessions: Number(left!.sessions), trusted: Number(left!.trusted) }).toEqual({ sessions: 0, trusted: 0 });

    const reset = await mailbox.waitFor(user.email, /Reset your Bastion password/);
    await page.goto(new URL(reset.link).pathname + new URL(reset.link).search);
    await expect(page).toHaveURL(/\/reset-password\?token=/);
    await intruder.context().close();
  });

  test("the server takes it only for one's own sign-ins", async ({ browser, playwright, signedInPage: page, request, mailbox }) => {
    const other = await createVerifiedUser(request, mailbox);
    const otherPage = await otherDevice(browser, other);
    const [theirSignIn] = await query<{ id: string }>('select e.id from security_event e join "user" u on u.id = e."userId" where u.email = ? and e.type = ?', [other.email, "sign_in"]);

    const answer = await page.request.post(`/api/auth/users/me/activity/${theirSignIn!.id}/report`, { headers: sameOrigin() });
    expect(answer.status()).toBe(404);
    await otherPage.goto("/account/profile");
    await expect(otherPage.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
    const fromElsewhere = await page.request.post(`/api/auth/users/me/activity/${theirSignIn!.id}/report`, { headers: { origin: "https://evil.example" } });
    expect(fromElsewhere.status()).toBe(403);
    // `request` opened the other person's verification link, which signed it in: a clean client instead.
    const anonymous = await playwright.request.newContext({ baseURL: String(test.info().project.use.baseURL) });
    const signedOut = await anonymous.post(`/api/auth/users/me/activity/${theirSignIn!.id}/report`, { headers: sameOrigin() });
    expect(signedOut.status()).toBe(401);
    await anonymous.dispose();
    await otherPage.context().close();
  });
});
