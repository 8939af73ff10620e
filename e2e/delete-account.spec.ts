import type { Page } from "@playwright/test";
import { query, reachDeletionDate } from "./fixtures/database";
import { createVerifiedUser, expect, sameOrigin, signIn, signOutWithButton, test, type TestUser } from "./fixtures";
import { enableTwoFactor, trustAnotherDevice } from "./fixtures/two-factor";
import { seriousViolations } from "./support/axe";
import { colorSchemes } from "./support/pages";
import { call, errorCode, purgeDeletions } from "./support/api";
import { E2E_CRON_SECRET } from "./support/settings";

/** Every row that belongs to the person, table by table. */
async function rowsOf(email: string) {
  const [user] = await query<{ id: string }>('select id from "user" where email = ?', [email]);
  if (!user) return { user: 0, session: 0, account: 0, twoFactor: 0, verification: 0 };
  const count = async (sql: string) => Number((await query<{ n: number }>(sql, [user.id]))[0]!.n);
  return {
    user: 1,
    session: await count('select count(*) as n from session where "userId" = ?'),
    account: await count('select count(*) as n from account where "userId" = ?'),
    twoFactor: await count('select count(*) as n from "twoFactor" where "userId" = ?'),
    verification: await count("select count(*) as n from verification where value = ?"),
  };
}

function dangerZone(page: Page) {
  return page.locator("section").filter({ has: page.getByRole("heading", { name: "Delete account" }) });
}

const DELETE_MAIL = /Confirm deleting your Bastion account/;

test.describe("deleting the account", () => {
  test("needs DELETE typed and the mailed link, which schedules the deletion and signs out everywhere; at the date everything of theirs is gone", async ({ browser, baseURL, signedInPage: page, user, mailbox }) => {
    const { backupCodes } = await enableTwoFactor(page, user);
    const trusted = await trustAnotherDevice(browser, baseURL!, user, backupCodes[0]!);
    // A pending reset link is theirs too.
    await page.request.post("/api/auth/request-password-reset", { data: { email: user.email, redirectTo: "/reset-password" }, headers: sameOrigin() });
    await mailbox.waitFor(user.email, /Reset your Bastion password/);
    const elsewhere = await (await browser.newContext()).newPage();
    await signIn(elsewhere, user).catch(() => undefined);
    const before = await rowsOf(user.email);
    const [{ id: userId }] = (await query<{ id: string }>('select id from "user" where email = ?', [user.email])) as [{ id: string }];
    const eventsOf = async () => Number((await query<{ n: number }>('select count(*) as n from security_event where "userId" = ?', [userId]))[0]!.n);
    const eventsBefore = await eventsOf();
    expect(eventsBefore).toBeGreaterThan(0);
    expect(before).toMatchObject({ user: 1, account: 1, twoFactor: 1 });
    expect(before.verification).toBeGreaterThan(0);

    await page.goto("/account/profile");
    const card = dangerZone(page);
    const button = card.getByRole("button", { name: "Delete account" });
    await expect(button).toBeDisabled();
    await card.getByLabel("Type DELETE to confirm").fill("delete");
    await expect(button).toBeDisabled();
    await card.getByLabel("Type DELETE to confirm").fill("DELETE");
    await button.click();
    await expect(card.getByRole("status")).toContainText(`We have sent a link to ${user.email}`);

    const mail = await mailbox.waitFor(user.email, DELETE_MAIL);
    expect(mail.text).toContain("IP address: 127.0.0.1");
    // Asking changes nothing but the one-time token it mailed, and its entry in the activity.
    expect(await rowsOf(user.email)).toEqual({ ...before, verification: before.verification + 1 });
    expect(await eventsOf()).toBe(eventsBefore + 1);
    await page.goto("/account/security");
    await expect(page.getByRole("list", { name: "Security activity, newest first" }).getByRole("listitem").first()).toContainText("Account deletion requested");

    await page.goto(mail.link);
    await expect(page).toHaveURL(/\/goodbye\?scheduled=1$/);
    await expect(page.getByRole("heading", { name: "Your account will be deleted in 7 days" })).toBeVisible();
    // Scheduled: every session and trust ends now; the rest waits for the date.
    const scheduled = await rowsOf(user.email);
    expect(scheduled).toMatchObject({ user: 1, session: 0, account: 1, twoFactor: 1 });
    expect(await query('select id from trusted_device where "userId" = ?', [userId])).toEqual([]);
    const notice = await mailbox.waitFor(user.email, /will be deleted on/);
    expect(notice.text).toContain("Every device has been signed out.");
    expect(notice.link).toMatch(/\/account\/profile$/);
    const sessionCookies = (await page.context().cookies()).filter((cookie) => cookie.name.includes("session_token"));
    expect(sessionCookies.map((cookie) => cookie.value).filter(Boolean)).toEqual([]);
    await page.goto("/account/profile");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await elsewhere.goto("/account/profile");
    await expect(elsewhere).toHaveURL(/\/sign-in\?next=/);

    // At the date, the purge takes all of it, in one transaction.
    await reachDeletionDate(user.email);
    await purgeDeletions();
    expect(await rowsOf(user.email)).toEqual({ user: 0, session: 0, account: 0, twoFactor: 0, verification: 0 });
    expect(await eventsOf()).toBe(0);
    expect(await query('select id from trusted_device where "userId" = ?', [userId])).toEqual([]);
    expect(await query('select id from verification where value = ?', [userId])).toEqual([]);
    const again = await page.request.post("/api/auth/sign-in/email", { data: { email: user.email, password: user.password }, headers: sameOrigin() });
    expect(again.status()).toBe(401);
    await trusted.close();
    await elsewhere.context().close();
  });

  test("signing in during the grace period shows only the date and Keep my account; nothing else can be done until it is kept", async ({ signedInPage: page, user, mailbox }) => {
    expect((await page.request.post("/api/auth/delete-user", { data: {}, headers: sameOrigin() })).status()).toBe(200);
    await page.goto((await mailbox.waitFor(user.email, DELETE_MAIL)).link);
    await expect(page).toHaveURL(/\/goodbye\?scheduled=1$/);

    await signIn(page, user);
    for (const path of ["/account/profile", "/account/security"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("This account will be deleted on");
      await expect(page.getByRole("button", { name: "Keep my account" })).toBeVisible();
    }
    for (const colorScheme of colorSchemes) {
      await page.emulateMedia({ colorScheme });
      for (const { width, height } of [
        { width: 375, height: 812 },
        { width: 1280, height: 800 },
      ]) {
        await page.setViewportSize({ width, height });
        expect(await seriousViolations(page), `${colorScheme} ${width}`).toEqual([]);
        await page.screenshot({ path: `screenshots/${test.info().project.name}/scheduled-deletion-${colorScheme}-${width}.png` });
      }
    }
    // Ours and better-auth's alike refuse everything but keeping the account and signing out.
    for (const [method, path, data] of [
      ["PUT", "/api/auth/users/me", { name: "Someone Else" }],
      ["GET", "/api/auth/users/me/export", undefined],
      ["POST", "/api/auth/update-user", { name: "Someone Else" }],
      ["POST", "/api/auth/delete-user", {}],
      ["POST", "/api/auth/change-password", { currentPassword: user.password, newPassword: "a whole new passphrase", revokeOtherSessions: true }],
    ] as const) {
      const answer = await page.request.fetch(path, { method, data, headers: sameOrigin() });
      expect([answer.status(), (await answer.json()).error?.code], `${method} ${path}`).toEqual([409, "ACCOUNT_DELETION_SCHEDULED"]);
    }

    await page.getByRole("button", { name: "Keep my account" }).click();
    await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    const [row] = await query<{ deletionScheduledAt: unknown }>('select "deletionScheduledAt" from "user" where email = ?', [user.email]);
    expect(row?.deletionScheduledAt).toBeNull();
    await mailbox.waitFor(user.email, /Your account will not be deleted/);
    await expect(page.getByRole("list", { name: "Security activity, newest first" }).getByRole("listitem").first()).toContainText("Account kept: deletion cancelled");
    // A purge now leaves the kept account alone.
    await purgeDeletions();
    expect((await rowsOf(user.email)).user).toBe(1);
    expect((await page.request.put("/api/auth/users/me", { data: { name: "Still Here" }, headers: sameOrigin() })).status()).toBe(200);
  });

  test("the purge answers only its scheduler", async () => {
    for (const authorization of [undefined, "Bearer not-the-secret-at-all", `Basic ${E2E_CRON_SECRET}`]) {
      const answer = await call("GET", "/api/cron/purge-deletions", { headers: authorization ? { authorization } : {} });
      expect([answer.status, errorCode(answer)]).toEqual([401, "UNAUTHORIZED"]);
    }
  });

  test("a link opened while signed out asks to sign in first, then finishes", async ({ signedInPage: page, user, mailbox }) => {
    const asked = await page.request.post("/api/auth/delete-user", { data: {}, headers: sameOrigin() });
    expect(asked.status()).toBe(200);
    const mail = await mailbox.waitFor(user.email, DELETE_MAIL);
    await page.goto("/account/profile");
    await signOutWithButton(page);

    await page.goto(mail.link);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount%2Fdelete%2Fconfirm/);
    expect((await rowsOf(user.email)).user).toBe(1);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/goodbye\?scheduled=1$/);
    expect((await rowsOf(user.email)).session).toBe(0);
  });

  test("nothing is deleted without the right link: no link, a made-up one, or someone else's", async ({ signedInPage: page, user, request, mailbox }) => {
    const withoutLink = await page.request.post("/api/auth/delete-user", { data: {}, headers: sameOrigin() });
    expect(withoutLink.status()).toBe(200);
    const mail = await mailbox.waitFor(user.email, DELETE_MAIL);
    // A token is taken only from the mailed link's own route; in this body it is refused by name.
    const madeUp = await page.request.post("/api/auth/delete-user", { data: { token: "not-a-real-token" }, headers: sameOrigin() });
    expect(madeUp.status()).toBe(400);

    await page.goto("/account/delete/confirm?token=not-a-real-token");
    await expect(page).toHaveURL(/\/account\/profile\?delete=invalid-link/);
    await expect(dangerZone(page).getByRole("alert")).toHaveText(/That deletion link is invalid.*Nothing was deleted/);

    // The owner's link, opened by someone else who is signed in, deletes neither of them.
    const other: TestUser = await createVerifiedUser(request, mailbox);
    const otherPage = await (await page.context().browser()!.newContext()).newPage();
    await signIn(otherPage, other);
    await otherPage.goto(mail.link);
    await expect(otherPage).toHaveURL(/\/account\/profile\?delete=invalid-link/);
    expect((await rowsOf(other.email)).user).toBe(1);
    expect((await rowsOf(user.email)).user).toBe(1);
    await otherPage.context().close();
  });
});
