import { query, storedTime } from "./fixtures/database";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The account pages read the session themselves (lib/session); these are the rules they share with
// better-auth's get-session: its signature, its end, and its extension.

const DAY = 24 * 60 * 60_000;
const SESSION_LIFETIME = 7 * DAY;

type SessionRow = { id: string; expiresAt: string | Date; updatedAt: string | Date };

/** The session of the page's browser, found by the token its cookie carries. */
async function sessionOf(page: Page) {
  const cookie = (await page.context().cookies()).find(({ name }) => name.endsWith("session_token"));
  const token = cookie ? decodeURIComponent(cookie.value).split(".")[0]! : "";
  const [session] = await query<SessionRow>('select id, "expiresAt", "updatedAt" from session where token = ?', [token]);
  return session;
}

async function setSessionTimes(id: string, { expiresAt, updatedAt }: { expiresAt: Date; updatedAt: Date }) {
  await query('update session set "expiresAt" = ?, "updatedAt" = ? where id = ?', [storedTime(expiresAt), storedTime(updatedAt), id]);
}

test.describe("a session on the account pages", () => {
  test("past its end, it opens no page and is deleted", async ({ signedInPage: page }) => {
    const session = await sessionOf(page);
    await setSessionTimes(session!.id, { expiresAt: new Date(Date.now() - 60_000), updatedAt: new Date(Date.now() - SESSION_LIFETIME) });

    await page.goto("/account/security");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount%2Fsecurity/);
    expect(await query('select id from session where id = ?', [session!.id])).toHaveLength(0);
  });

  test("last extended more than an hour ago, opening a page extends it", async ({ signedInPage: page }) => {
    const session = await sessionOf(page);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    await setSessionTimes(session!.id, { expiresAt: new Date(twoHoursAgo.getTime() + SESSION_LIFETIME), updatedAt: twoHoursAgo });

    await page.goto("/account/profile");
    await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
    const extended = await sessionOf(page);
    expect(new Date(extended!.updatedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(new Date(extended!.expiresAt).getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME - 60_000);
  });

  test("extended less than an hour ago, opening pages writes nothing", async ({ signedInPage: page }) => {
    const before = await sessionOf(page);
    await page.goto("/account/profile");
    await page.goto("/account/security");
    await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    const after = await sessionOf(page);
    expect(new Date(after!.updatedAt).getTime()).toBe(new Date(before!.updatedAt).getTime());
    expect(new Date(after!.expiresAt).getTime()).toBe(new Date(before!.expiresAt).getTime());
  });

  test("with its cookie's signature changed, it opens no page", async ({ signedInPage: page, baseURL }) => {
    const cookies = await page.context().cookies();
    const sessionCookie = cookies.find((cookie) => cookie.name.endsWith("session_token"))!;
    const [token, signature] = decodeURIComponent(sessionCookie.value).split(".");
    const forged = `${signature!.startsWith("A") ? "B" : "A"}${signature!.slice(1)}`;
    await page.context().addCookies([{ name: sessionCookie.name, value: encodeURIComponent(`${token}.${forged}`), url: baseURL! }]);

    await page.goto("/account/profile");
    await expect(page).toHaveURL(/\/sign-in/);
    // The token itself is still good: the cookie's own signature is what was refused.
    await page.context().addCookies([{ name: sessionCookie.name, value: sessionCookie.value, url: baseURL! }]);
    await page.goto("/account/profile");
    await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
  });
});
