import type { Page } from "@playwright/test";
import { query } from "./fixtures/database";
import { createVerifiedUser, expect, sameOrigin, signIn, signOutWithButton, test, type TestUser } from "./fixtures";
import { enableTwoFactor } from "./fixtures/two-factor";

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
  test("needs DELETE typed and the mailed link; then everything of theirs is gone and they are signed out everywhere", async ({ browser, signedInPage: page, user, mailbox }) => {
    await enableTwoFactor(page, user);
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
    await expect(page).toHaveURL(/\/goodbye$/);
    await expect(page.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();
    expect(await rowsOf(user.email)).toEqual({ user: 0, session: 0, account: 0, twoFactor: 0, verification: 0 });
    expect(await eventsOf()).toBe(0);
    const sessionCookies = (await page.context().cookies()).filter((cookie) => cookie.name.includes("session_token"));
    expect(sessionCookies.map((cookie) => cookie.value).filter(Boolean)).toEqual([]);

    await page.goto("/account/profile");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await elsewhere.goto("/account/profile");
    await expect(elsewhere).toHaveURL(/\/sign-in\?next=/);
    const again = await page.request.post("/api/auth/sign-in/email", { data: { email: user.email, password: user.password }, headers: sameOrigin() });
    expect(again.status()).toBe(401);
    await elsewhere.context().close();
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
    await expect(page).toHaveURL(/\/goodbye$/);
    expect((await rowsOf(user.email)).user).toBe(0);
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
