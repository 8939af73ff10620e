import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { ageSessions, query } from "./fixtures/database";
import { expect, sameOrigin, signIn, test } from "./fixtures";
import { enableTwoFactor, trustAnotherDevice } from "./fixtures/two-factor";
import { call, errorCode } from "./support/api";

const activity = (page: Page) => page.getByRole("list", { name: "Security activity, newest first" }).getByRole("listitem");

/** Every stored secret of the account's: none of them may be in a file the person downloads. */
async function storedSecrets(email: string): Promise<string[]> {
  const params = [email];
  const rows = await Promise.all([
    query<{ value: string }>('select s.token as value from session s join "user" u on u.id = s."userId" where u.email = ?', params),
    query<{ value: string }>('select a.password as value from account a join "user" u on u.id = a."userId" where u.email = ? and a.password is not null', params),
    query<{ value: string }>('select t.secret as value from "twoFactor" t join "user" u on u.id = t."userId" where u.email = ?', params),
    query<{ value: string }>('select t."backupCodes" as value from "twoFactor" t join "user" u on u.id = t."userId" where u.email = ?', params),
    query<{ value: string }>('select d.identifier as value from trusted_device d join "user" u on u.id = d."userId" where u.email = ?', params),
    query<{ value: string }>('select k.key as value from apikey k join "user" u on u.id = k."referenceId" where u.email = ?', params),
  ]);
  return rows.flat().map((row) => row.value);
}

test.describe("your data", () => {
  test("Download my data takes a step-up and gives one JSON file with what the pages show, and no secret", async ({ playwright, launchOptions, browser, baseURL, user, mailbox }) => {
    // A browser of the test's own, as for the backup codes: a context that made a download sometimes
    // never finishes closing, a whole browser always does.
    const own = await playwright.chromium.launch(launchOptions);
    try {
      const page = await (await own.newContext({ baseURL, acceptDownloads: true })).newPage();
      await signIn(page, user);
      const { secret, backupCodes } = await enableTwoFactor(page, user);
      const trusted = await trustAnotherDevice(browser, baseURL!, user, backupCodes[0]!);
      const created = await page.request.post("/api/auth/users/me/api-keys", { data: { name: "Nightly export", expiresInDays: 0, scope: "read" }, headers: sameOrigin() });
      const apiKey = ((await created.json()) as { key: string }).key;
      const newEmail = `moved-${user.email}`;
      expect((await page.request.put("/api/auth/users/me/email", { data: { newEmail }, headers: sameOrigin() })).status()).toBe(202);
      await ageSessions(user.email, 11);

      await page.goto("/account/profile");
      await page.getByRole("button", { name: "Download my data" }).click();
      const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
      await dialog.getByLabel("Password").fill(user.password);
      await dialog.getByLabel(/code/i).fill(backupCodes[1]!);
      const download = page.waitForEvent("download");
      await dialog.getByRole("button", { name: "Confirm" }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^account-data-\d{4}-\d{2}-\d{2}\.json$/);
      const text = readFileSync((await file.path())!, "utf8");
      await expect(page.getByRole("main").getByRole("status").first()).toContainText("Your data has been downloaded.");

      const data = JSON.parse(text);
      expect(data).toMatchObject({
        format: "bastion-account-export/1",
        profile: { email: user.email, name: user.name, emailVerified: true },
        pendingEmailChange: { newEmail },
        signInMethods: { password: true, providers: [] },
        twoFactor: { enabled: true, backupCodesLeft: 8, emailCode: false, preferred: "authenticator" },
        passkeys: [],
      });
      expect(data.trustedDevices).toHaveLength(1);
      expect(data.apiKeys).toEqual([expect.objectContaining({ name: "Nightly export", scope: "read", start: apiKey.slice(0, 14) })]);
      expect(data.trustedDevices[0]).toMatchObject({ browser: "Firefox 133", os: "Linux", location: "This network" });
      const [sessions] = await query<{ count: number }>('select count(*) as count from session s join "user" u on u.id = s."userId" where u.email = ?', [user.email]);
      expect(data.sessions).toHaveLength(Number(sessions!.count));
      expect(data.sessions.filter((entry: { current: boolean }) => entry.current)).toHaveLength(1);
      const titles = data.securityActivity.map((entry: { title: string }) => entry.title);
      expect(titles).toEqual(expect.arrayContaining(["Signed in", "Two-factor authentication turned on", "Device trusted to skip the code", "Email change requested"]));

      for (const secretValue of [user.password, secret, ...backupCodes, apiKey, ...(await storedSecrets(user.email))]) {
        expect(text.includes(secretValue), `the file holds a secret (${secretValue.slice(0, 4)}…)`).toBe(false);
      }
      expect(text).not.toMatch(/trust-device-|"token"|"password":\s*"/);

      await page.goto("/account/security");
      await expect(activity(page).first()).toContainText("Data downloaded");
      await expect(activity(page).first()).toContainText("Everything, as a JSON file");
      const notice = await mailbox.waitFor(user.email, /Your data was downloaded/);
      expect(notice.text).toContain("A copy of your account's data was downloaded.");
      await trusted.close();
    } finally {
      await own.close();
    }
  });

  test("the security activity downloads as CSV from its card", async ({ playwright, launchOptions, baseURL, user }) => {
    const own = await playwright.chromium.launch(launchOptions);
    try {
      const page = await (await own.newContext({ baseURL, acceptDownloads: true })).newPage();
      await signIn(page, user);
      await page.goto("/account/security");
      const shown = await activity(page).allTextContents();
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "Download as CSV" }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/^security-activity-\d{4}-\d{2}-\d{2}\.csv$/);
      const lines = readFileSync((await file.path())!, "utf8").trimEnd().split("\r\n");
      expect(lines[0]).toBe("When (UTC),What,Detail,Device,IP address,Location");
      expect(lines).toHaveLength(shown.length + 1);
      expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z,Signed in,,Chrome \d+ on Windows 10,127\.0\.0\.1,This network$/);
    } finally {
      await own.close();
    }
  });

  test("the REST API's export needs a step-up token, and answers with the same document as an attachment", async ({ user }) => {
    const signIn = await call("POST", "/api/auth/sign-in/email", { json: { email: user.email, password: user.password }, headers: sameOrigin() });
    const token = signIn.headers.get("set-auth-token")!;
    const refused = await call("GET", "/api/auth/users/me/export", { token });
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe("STEP_UP_TOKEN_MISSING");
    const stepUp = await call("POST", "/api/auth/users/me/step-up", { token, json: { password: user.password } });
    const answer = await call("GET", "/api/auth/users/me/export", { token, stepUp: stepUp.body.token as string });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="account-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(Object.keys(answer.body).sort()).toEqual(["apiKeys", "exportedAt", "format", "passkeys", "pendingEmailChange", "profile", "securityActivity", "sessions", "signInMethods", "trustedDevices", "twoFactor"]);
    expect(answer.text).not.toContain(user.password);
    expect(answer.text).not.toContain(token.split(".")[0]!);
  });
});
