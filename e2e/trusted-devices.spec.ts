import type { BrowserContext, Page } from "@playwright/test";
import { query } from "./fixtures/database";
import { FIREFOX_ON_LINUX, createVerifiedUser, expect, sameOrigin, signOutWithButton, test, type TestUser } from "./fixtures";
import { atSecondStep, enableTwoFactor, signInWithPassword, trustAnotherDevice, chooseAnotherMethod } from "./fixtures/two-factor";
import { bearerToken, call, errorCode } from "./support/api";

const trustedList = (page: Page) => page.getByRole("list", { name: "Trusted devices" }).getByRole("listitem");
const activity = (page: Page) => page.getByRole("list", { name: "Security activity, newest first" }).getByRole("listitem");

const SAFARI_ON_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

async function trustedRows(email: string) {
  return query<{ id: string; identifier: string; userAgent: string; ipAddress: string; createdAt: string; lastUsedAt: string }>(
    'select t.id, t.identifier, t."userAgent", t."ipAddress", t."createdAt", t."lastUsedAt" from trusted_device t join "user" u on u.id = t."userId" where u.email = ? order by t."createdAt"',
    [email],
  );
}

async function trustValues(email: string) {
  const [row] = await query<{ count: number }>('select count(*) as count from verification v join "user" u on u.id = v.value where u.email = ? and v.identifier like ?', [email, "trust-device-%"]);
  return Number(row!.count);
}

/** Signs in again on a device that holds a trust cookie: true when it skipped the second step. */
async function signInSkipsTheCode(context: BrowserContext, user: TestUser) {
  await context.clearCookies({ name: /session_token|two_factor/ });
  const answer = await context.request.post("/api/auth/sign-in/email", { data: { email: user.email, password: user.password }, headers: sameOrigin() });
  expect(answer.ok(), await answer.text()).toBe(true);
  return !(await answer.json()).twoFactorRedirect;
}

/** Two-factor on from the security page; the ten backup codes it showed. */
async function twoFactorWithCodes(page: Page, user: TestUser) {
  const { backupCodes } = await enableTwoFactor(page, user);
  expect(backupCodes).toHaveLength(10);
  return backupCodes;
}

test.describe("trusted devices", () => {
  test("a device trusted at the second step is listed with its browser and place, keeps one row as it signs in again, and asks for the code once revoked", async ({
    browser,
    baseURL,
    signedInPage: page,
    user,
  }) => {
    const codes = await twoFactorWithCodes(page, user);
    await page.goto("/account/security");
    await expect(page.getByText("No device skips the code.")).toBeVisible();

    const firefox = await trustAnotherDevice(browser, baseURL!, user, codes[0]!, FIREFOX_ON_LINUX);
    await page.reload();
    const row = trustedList(page);
    await expect(row).toHaveCount(1);
    await expect(row.first()).toContainText("Firefox 133 on Linux");
    await expect(row.first()).toContainText("IP address127.0.0.1LocationThis network");
    await expect(row.first()).not.toContainText("This device");
    await expect(activity(page).filter({ hasText: "Device trusted to skip the code" }).first()).toContainText("For 30 days");
    const [first] = await trustedRows(user.email);

    // The trust is renamed at each sign-in that uses it; the row follows it and says when.
    expect(await signInSkipsTheCode(firefox, user)).toBe(true);
    const after = await trustedRows(user.email);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(first!.id);
    expect(after[0]!.identifier).not.toBe(first!.identifier);
    expect(new Date(after[0]!.lastUsedAt).getTime()).toBeGreaterThan(new Date(first!.lastUsedAt).getTime());
    expect(await trustValues(user.email)).toBe(1);

    await page.reload();
    await trustedList(page).first().getByRole("button", { name: /Stop trusting Firefox 133 on Linux/ }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toHaveText("That device is no longer trusted: it will ask for a code at its next sign-in.");
    await expect(page.getByText("No device skips the code.")).toBeVisible();
    await expect(activity(page).first()).toContainText("Stopped trusting a device");
    await expect(activity(page).first()).toContainText("Firefox 133 on Linux");
    expect(await trustedRows(user.email)).toHaveLength(0);
    expect(await trustValues(user.email)).toBe(0);

    expect(await signInSkipsTheCode(firefox, user)).toBe(false);
    await firefox.close();
  });

  test("this browser's own trust is marked, and Revoke all ends every trust", async ({ browser, baseURL, signedInPage: page, user }) => {
    const codes = await twoFactorWithCodes(page, user);
    // This browser trusts itself at its next sign-in.
    await signOutWithButton(page);
    await signInWithPassword(page, user);
    await chooseAnotherMethod(page, "Backup code");
    await page.getByLabel("Backup code").fill(codes[0]!);
    await page.getByLabel("Trust this device for 30 days").check();
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
    const safari = await trustAnotherDevice(browser, baseURL!, user, codes[1]!, SAFARI_ON_MAC);

    await page.goto("/account/security");
    await expect(trustedList(page)).toHaveCount(2);
    await expect(trustedList(page).filter({ hasText: "This device" })).toHaveCount(1);
    await expect(trustedList(page).filter({ hasText: "Safari 17 on macOS" })).not.toContainText("This device");

    await page.getByRole("button", { name: "Revoke all" }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toHaveText("2 devices are no longer trusted: each will ask for a code at its next sign-in.");
    await expect(page.getByText("No device skips the code.")).toBeVisible();
    await expect(activity(page).first()).toContainText("All 2 devices");
    expect(await trustValues(user.email)).toBe(0);

    expect(await signInSkipsTheCode(safari, user)).toBe(false);
    expect(await signInSkipsTheCode(page.context(), user)).toBe(false);
    await safari.close();
  });

  test("changing the password with other devices signed out, and turning two-factor off, each forget every trust", async ({ browser, baseURL, signedInPage: page, user }) => {
    const codes = await twoFactorWithCodes(page, user);
    const kept = await trustAnotherDevice(browser, baseURL!, user, codes[0]!);
    const changePassword = (from: string, to: string, revokeOtherSessions: boolean) =>
      page.request.put("/api/auth/users/me/password", { data: { currentPassword: from, newPassword: to, revokeOtherSessions }, headers: sameOrigin() });

    // Other devices stay signed in: their trust stays too.
    expect((await changePassword(user.password, `${user.password} two`, false)).status()).toBe(200);
    expect(await trustValues(user.email)).toBe(1);

    expect((await changePassword(`${user.password} two`, `${user.password} three`, true)).status()).toBe(200);
    expect(await trustValues(user.email)).toBe(0);
    expect(await trustedRows(user.email)).toHaveLength(0);
    const latest = { ...user, password: `${user.password} three` };
    expect(await signInSkipsTheCode(kept, latest)).toBe(false);
    await kept.close();

    const again = await trustAnotherDevice(browser, baseURL!, latest, codes[1]!);
    expect(await trustedRows(user.email)).toHaveLength(1);
    const off = await page.request.post("/api/auth/two-factor/disable", { data: { password: latest.password }, headers: sameOrigin() });
    expect(off.status(), await off.text()).toBe(200);
    expect(await trustedRows(user.email)).toHaveLength(0);
    expect(await trustValues(user.email)).toBe(0);
    await again.close();
  });

  test("a password reset from a mailed link forgets every trust", async ({ browser, baseURL, signedInPage: page, user, mailbox }) => {
    const codes = await twoFactorWithCodes(page, user);
    const trusted = await trustAnotherDevice(browser, baseURL!, user, codes[0]!);
    expect(await trustValues(user.email)).toBe(1);

    const asked = await trusted.request.post("/api/auth/request-password-reset", { data: { email: user.email, redirectTo: "/reset-password" }, headers: sameOrigin() });
    expect(asked.ok()).toBe(true);
    const link = (await mailbox.waitFor(user.email, /Reset your Bastion password/)).link;
    const landing = new URL((await trusted.request.get(link, { maxRedirects: 0 })).headers().location!, baseURL);
    const reset = await trusted.request.post("/api/auth/reset-password", {
      data: { token: landing.searchParams.get("token"), newPassword: `${user.password} reset` },
      headers: sameOrigin(),
    });
    expect(reset.ok(), await reset.text()).toBe(true);
    expect(await trustValues(user.email)).toBe(0);
    expect(await trustedRows(user.email)).toHaveLength(0);
    expect(await signInSkipsTheCode(trusted, { ...user, password: `${user.password} reset` })).toBe(false);
    await trusted.close();
  });

  test("the REST API lists trusted devices without their secrets, and revokes only one's own", async ({ browser, baseURL, signedInPage: page, user, request, mailbox }) => {
    const codes = await twoFactorWithCodes(page, user);
    const firefox = await trustAnotherDevice(browser, baseURL!, user, codes[0]!);
    // The trusted browser's own session: the API marks its trust as the current device.
    const listed = await firefox.request.get("/api/auth/users/me/trusted-devices");
    expect(listed.status()).toBe(200);
    const body = (await listed.json()) as { trustedDevices: Record<string, unknown>[] };
    expect(body.trustedDevices).toHaveLength(1);
    expect(body.trustedDevices[0]).toMatchObject({ browser: "Firefox 133", os: "Linux", ipAddress: "127.0.0.1", location: "This network", current: true });
    expect(Object.keys(body.trustedDevices[0]!).sort()).toEqual(["browser", "current", "expiresAt", "id", "ipAddress", "lastUsedAt", "location", "os", "trustedAt"]);
    expect(JSON.stringify(body)).not.toContain("trust-device-");
    expect((await (await page.request.get("/api/auth/users/me/trusted-devices")).json()).trustedDevices[0].current).toBe(false);

    // Someone else's device and one that does not exist answer alike, and change nothing.
    const otherToken = await bearerToken(await createVerifiedUser(request, mailbox));
    const id = String(body.trustedDevices[0]!.id);
    for (const path of [`/api/auth/users/me/trusted-devices/${id}`, "/api/auth/users/me/trusted-devices/no-such-device"]) {
      const refused = await call("DELETE", path, { token: otherToken });
      expect(refused.status).toBe(404);
      expect(errorCode(refused)).toBe("NOT_FOUND");
    }
    expect(await trustedRows(user.email)).toHaveLength(1);

    expect((await page.request.delete(`/api/auth/users/me/trusted-devices/${id}`, { headers: sameOrigin() })).status()).toBe(204);
    expect(await (await page.request.delete("/api/auth/users/me/trusted-devices", { headers: sameOrigin() })).json()).toEqual({ revoked: 0 });
    expect(await trustValues(user.email)).toBe(0);
    await firefox.close();
  });

  test("the second step trusts a device only when asked", async ({ browser, baseURL, signedInPage: page, user }) => {
    const codes = await twoFactorWithCodes(page, user);
    const context = await atSecondStep(browser, baseURL!, user);
    const answer = await context.request.post("/api/auth/two-factor/verify-backup-code", { data: { code: codes[0] }, headers: sameOrigin() });
    expect(answer.ok()).toBe(true);
    expect(await trustedRows(user.email)).toHaveLength(0);
    expect(await trustValues(user.email)).toBe(0);
    await context.close();
  });
});
