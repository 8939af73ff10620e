import type { Page } from "@playwright/test";
import { ageSessions, query, storedTime } from "./fixtures/database";
import { createVerifiedUser, expect, sameOrigin, test, type TestUser } from "./fixtures";
import { call, errorCode } from "./support/api";

const activity = (page: Page) => page.getByRole("list", { name: "Security activity, newest first" }).getByRole("listitem");

/** A key made through the API by a browser session that signed in just now (no step-up needed). */
async function newKey(page: Page, scope: "read" | "manage", expiresInDays: 0 | 30 | 90 | 365 = 0, name = `${scope} key`) {
  const answer = await page.request.post("/api/auth/users/me/api-keys", { data: { name, expiresInDays, scope }, headers: sameOrigin() });
  expect(answer.status(), await answer.text()).toBe(201);
  return (await answer.json()) as { id: string; key: string; start: string };
}

const storedKeys = (user: TestUser) =>
  query<{ id: string; key: string; start: string }>('select k.id, k.key, k.start from apikey k join "user" u on u.id = k."referenceId" where u.email = ?', [user.email]);

test.describe("personal API keys", () => {
  test("creating one takes a step-up; the key is shown once, kept only as a hash, listed by its first characters, recorded and mailed", async ({ signedInPage: page, user, mailbox }) => {
    await ageSessions(user.email, 11);
    await page.goto("/account/security");
    const card = page.locator("#api-keys");
    await expect(card.getByText("No API keys yet.")).toBeVisible();
    await card.getByRole("button", { name: "Create an API key" }).click();
    await card.getByLabel("Name", { exact: true }).fill("   ");
    await card.getByRole("button", { name: "Create key" }).click();
    await expect(card.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(/Enter a name for the key/);
    await card.getByLabel("Name", { exact: true }).fill("Backup script");
    await card.getByLabel("Expires after").selectOption({ label: "30 days" });
    await card.getByLabel(/^Manage/).check();
    await card.getByRole("button", { name: "Create key" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
    await dialog.getByLabel("Password").fill(user.password);
    await dialog.getByRole("button", { name: "Confirm" }).click();

    await expect(card.getByRole("status")).toHaveText("Backup script is ready. Copy the key now: it is not shown again.");
    const key = (await card.getByTestId("new-api-key").textContent())!.trim();
    expect(key).toMatch(/^bastion_[A-Za-z0-9]{64}$/);
    const item = card.getByRole("listitem", { name: "Backup script" });
    await expect(item).toContainText("Manage");
    await expect(item).toContainText(`${key.slice(0, 14)}…`);
    await expect(item).toContainText("Last usedNot yet");

    const [stored] = await storedKeys(user);
    expect(stored!.key).not.toBe(key);
    expect(JSON.stringify(stored)).not.toContain(key.slice(8));
    await expect(activity(page).first()).toContainText("API key created");
    await expect(activity(page).first()).toContainText("Backup script (manage the account)");
    await mailbox.waitFor(user.email, /An API key was created/);

    // Once only: not on the page after Done, nor in the API's list.
    await card.getByRole("button", { name: "Done" }).click();
    await page.reload();
    expect(await page.content()).not.toContain(key);
    const listed = await page.request.get("/api/auth/users/me/api-keys");
    expect(await listed.text()).not.toContain(key.slice(8));
    expect((await listed.json()).apiKeys).toEqual([expect.objectContaining({ name: "Backup script", scope: "manage", start: key.slice(0, 14), lastUsedAt: null })]);
  });

  test("a read key reads and cannot change anything; a manage key changes what its scope allows; no key reaches what takes a step-up", async ({ signedInPage: page, user }) => {
    const read = await newKey(page, "read");
    const manage = await newKey(page, "manage");

    const profile = await call("GET", "/api/auth/users/me", { token: read.key });
    expect([profile.status, profile.body.email]).toEqual([200, user.email]);
    expect((await call("GET", "/api/auth/users/me/sessions", { token: read.key })).status).toBe(200);
    const refused = await call("PUT", "/api/auth/users/me", { token: read.key, json: { name: "Renamed By Script" } });
    expect([refused.status, errorCode(refused)]).toEqual([403, "INSUFFICIENT_SCOPE"]);

    const renamed = await call("PUT", "/api/auth/users/me", { token: manage.key, json: { name: "Renamed By Script" } });
    expect(renamed.status).toBe(200);
    expect((await query<{ name: string }>('select name from "user" where email = ?', [user.email]))[0]!.name).toBe("Renamed By Script");

    // Neither key can step up, so neither reaches the email address, the password, the factors,
    // new keys, the data export or deletion: not through our routes, not through better-auth's.
    for (const token of [read.key, manage.key]) {
      for (const [method, path, json] of [
        ["POST", "/api/auth/users/me/step-up", { password: user.password }],
        ["PUT", "/api/auth/users/me/email", { newEmail: `taken-${user.email}` }],
        ["PUT", "/api/auth/users/me/password", { currentPassword: user.password, newPassword: "a whole new passphrase", revokeOtherSessions: true }],
        ["POST", "/api/auth/users/me/api-keys", { name: "another", expiresInDays: 0, scope: "manage" }],
        ["GET", "/api/auth/users/me/export", undefined],
        ["DELETE", "/api/auth/users/me/sessions", undefined],
        ["DELETE", "/api/auth/users/me", undefined],
      ] as const) {
        const answer = await call(method, path, { token, json });
        expect([answer.status, errorCode(answer)], `${method} ${path}`).toEqual([403, "API_KEY_NOT_ALLOWED"]);
      }
      for (const [path, json] of [
        ["/api/auth/change-email", { newEmail: `taken-${user.email}` }],
        ["/api/auth/change-password", { currentPassword: user.password, newPassword: "a whole new passphrase" }],
        ["/api/auth/two-factor/enable", { password: user.password }],
        ["/api/auth/delete-user", {}],
      ] as const) {
        expect((await call("POST", path, { token, json })).status, path).toBe(401);
      }
    }
    const [{ email }] = (await query<{ email: string }>('select email from "user" where email = ?', [user.email])) as [{ email: string }];
    expect(email).toBe(user.email);

    const listed = (await (await page.request.get("/api/auth/users/me/api-keys")).json()).apiKeys as { name: string; lastUsedAt: string | null }[];
    expect(listed.every((key) => key.lastUsedAt !== null)).toBe(true);
  });

  test("a revoked or expired key is refused; Revoke all and This wasn't me end every key; nobody revokes another person's", async ({ signedInPage: page, user, request, mailbox }) => {
    const first = await newKey(page, "read", 30, "first");
    const second = await newKey(page, "read", 0, "second");
    const other = await createVerifiedUser(request, mailbox);
    const otherSession = await call("POST", "/api/auth/sign-in/email", { json: { email: other.email, password: other.password }, headers: sameOrigin() });
    const notTheirs = await call("DELETE", `/api/auth/users/me/api-keys/${first.id}`, { token: otherSession.headers.get("set-auth-token")! });
    expect([notTheirs.status, errorCode(notTheirs)]).toEqual([404, "NOT_FOUND"]);

    expect((await page.request.delete(`/api/auth/users/me/api-keys/${first.id}`, { headers: sameOrigin() })).status()).toBe(204);
    const revoked = await call("GET", "/api/auth/users/me", { token: first.key });
    expect([revoked.status, errorCode(revoked)]).toEqual([401, "UNAUTHORIZED"]);
    await mailbox.waitFor(user.email, /An API key was revoked/);

    await query('update apikey set "expiresAt" = ? where id = ?', [storedTime(new Date(Date.now() - 60_000)), second.id]);
    expect((await call("GET", "/api/auth/users/me", { token: second.key })).status).toBe(401);

    const third = await newKey(page, "manage");
    const fourth = await newKey(page, "read");
    // The expired one went when it was tried: the plugin deletes an expired key it is shown.
    expect(await (await page.request.delete("/api/auth/users/me/api-keys", { headers: sameOrigin() })).json()).toEqual({ revoked: 2 });
    for (const key of [third, fourth]) expect((await call("GET", "/api/auth/users/me", { token: key.key })).status).toBe(401);

    // "This wasn't me": an intruder's key goes with every session.
    const left = await newKey(page, "manage");
    const [signIn] = await query<{ id: string }>('select e.id from security_event e join "user" u on u.id = e."userId" where u.email = ? and e.type = ?', [user.email, "sign_in"]);
    expect((await page.request.post(`/api/auth/users/me/activity/${signIn!.id}/report`, { headers: sameOrigin() })).status()).toBe(200);
    expect((await call("GET", "/api/auth/users/me", { token: left.key })).status).toBe(401);
    expect(await storedKeys(user)).toEqual([]);
  });
});
