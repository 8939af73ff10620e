import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { query } from "./fixtures/database";
import { expect, sameOrigin, signOutWithButton, test, waitForHydration } from "./fixtures";
import { OIDC_CLIENT, OIDC_IDENTITY_COOKIE, type OidcIdentity } from "./support/oidc-provider.mjs";
import { e2eSettings } from "./support/settings";

function newIdentity(): OidcIdentity {
  const id = randomUUID().slice(0, 8);
  return { sub: `oidc-${id}`, email: `oidc-${id}@id.example`, name: `Provider Person ${id}` };
}

/** Tells the loopback provider who this browser is. */
async function actAs(page: Page, identity: OidcIdentity) {
  await page.context().addCookies([{ name: OIDC_IDENTITY_COOKIE, value: encodeURIComponent(JSON.stringify(identity)), url: e2eSettings().oidcIssuer }]);
}

const card = (page: Page) => page.locator("section").filter({ has: page.getByRole("heading", { name: "Connected accounts" }) });

async function accountsOf(email: string) {
  return query<{ id: string; providerId: string; accountId: string }>(
    'select a.id, a."providerId", a."accountId" from account a join "user" u on u.id = a."userId" where u.email = ? order by a."createdAt"',
    [email],
  );
}

test.describe("connected accounts", () => {
  test("links the OpenID Connect account, signs in with it, and unlinks it", async ({ signedInPage: page, user }) => {
    const identity = newIdentity();
    await actAs(page, identity);
    await page.goto("/account/profile");
    await expect(card(page).getByRole("listitem", { name: "Email & password" })).toContainText("Password set");

    await card(page).getByRole("button", { name: `Link ${OIDC_CLIENT.name}`, exact: true }).click();
    await expect(page).toHaveURL(/\/account\/profile\?linked=1$/);
    await expect(card(page).getByRole("status")).toHaveText("Account linked.");
    const row = card(page).getByRole("listitem", { name: OIDC_CLIENT.name });
    await expect(row).toContainText(identity.email);
    await expect(row).toContainText(/Linked \w+ \d+, \d{4}/);
    expect((await accountsOf(user.email)).map((account) => account.providerId)).toEqual(["credential", "oidc"]);

    await signOutWithButton(page);
    await page.getByRole("button", { name: `Continue with ${OIDC_CLIENT.name}` }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
    await expect(page.getByRole("banner")).toContainText(user.name);

    await waitForHydration(page);
    await card(page).getByRole("button", { name: `Unlink ${OIDC_CLIENT.name}` }).click();
    await expect(card(page).getByRole("status")).toHaveText(`${OIDC_CLIENT.name} is no longer linked.`);
    await expect(row).toHaveCount(0);
    expect((await accountsOf(user.email)).map((account) => account.providerId)).toEqual(["credential"]);

    await page.goto("/account/security");
    const activity = page.getByRole("list", { name: "Security activity, newest first" }).getByRole("listitem");
    await expect(activity.nth(0)).toContainText(`Account disconnected${OIDC_CLIENT.name}`);
    await expect(activity.nth(1)).toContainText("Signed in");
    await expect(activity.nth(2)).toContainText(`Account connected${OIDC_CLIENT.name}`);
  });

  test("someone who signed up with the provider cannot unlink their last way in, even racing, and can set a password by mail", async ({ page, mailbox }) => {
    const identity = { ...newIdentity(), picture: "https://tracker.example/pixel.png" };
    await actAs(page, identity);
    await page.goto("/sign-in");
    await page.getByRole("button", { name: `Continue with ${OIDC_CLIENT.name}` }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
    const [created] = await query<{ image: string | null; name: string }>('select image, name from "user" where email = ?', [identity.email]);
    // The provider's picture URL is not taken: pictures only come from our own route.
    expect(created).toEqual({ image: null, name: identity.name });
    await expect(card(page).getByRole("listitem", { name: "Email & password" })).toContainText("No password yet");

    await waitForHydration(page);
    await card(page).getByRole("button", { name: `Unlink ${OIDC_CLIENT.name}` }).click();
    await expect(card(page).getByRole("alert")).toHaveText("This is your only way to sign in. Set a password or link another account first.");
    expect(await accountsOf(identity.email)).toHaveLength(1);

    // A second account at the provider; then both unlinked at once: exactly one may go.
    await actAs(page, { ...identity, sub: `${identity.sub}-work`, email: `work-${identity.email}` });
    await card(page).getByRole("button", { name: `Link ${OIDC_CLIENT.name}`, exact: true }).click();
    await expect(card(page).getByRole("status")).toHaveText("Account linked.");
    const accounts = await accountsOf(identity.email);
    expect(accounts).toHaveLength(2);
    const answers = await Promise.all(accounts.map((account) => page.request.delete(`/api/auth/users/me/connections/${account.id}`, { headers: sameOrigin() })));
    expect(answers.map((answer) => answer.status()).sort()).toEqual([204, 409]);
    expect(await accountsOf(identity.email)).toHaveLength(1);

    await page.reload();
    await card(page).getByRole("button", { name: "Email me a link to set one" }).click();
    await expect(card(page).getByRole("status")).toHaveText(`We have sent a link to ${identity.email} to set a password.`);
    const mail = await mailbox.waitFor(identity.email, /Reset your Bastion password/);
    const password = `a password of my own ${randomUUID().slice(0, 6)}`;
    await page.goto(mail.link);
    await page.getByLabel("New password", { exact: true }).fill(password);
    await page.getByLabel("Confirm new password").fill(password);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect.poll(async () => (await accountsOf(identity.email)).map((account) => account.providerId).sort()).toEqual(["credential", "oidc"]);
    const signIn = await page.request.post("/api/auth/sign-in/email", { data: { email: identity.email, password }, headers: sameOrigin() });
    expect(signIn.status()).toBe(200);
  });

  test("nobody can unlink another person's account", async ({ browser, signedInPage: page }) => {
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const identity = newIdentity();
    await actAs(otherPage, identity);
    await otherPage.goto("/sign-in");
    await otherPage.getByRole("button", { name: `Continue with ${OIDC_CLIENT.name}` }).click();
    await expect(otherPage).toHaveURL(/\/account\/profile$/);
    const [account] = await accountsOf(identity.email);

    const attempt = await page.request.delete(`/api/auth/users/me/connections/${account!.id}`, { headers: sameOrigin() });
    expect(attempt.status()).toBe(404);
    expect(await accountsOf(identity.email)).toHaveLength(1);
    const viaBetterAuth = await page.request.post("/api/auth/unlink-account", { data: { accountId: account!.id }, headers: sameOrigin() });
    expect(viaBetterAuth.status()).toBe(404);
    await other.close();
  });
});
