import { createHash, createPrivateKey, sign } from "node:crypto";
import type { Browser, BrowserContext, CDPSession, Page } from "@playwright/test";
import { expect, newUserDetails, test, waitForHydration, type TestUser } from "./fixtures";
import { query } from "./fixtures/database";
import { Mailbox } from "./fixtures/mailbox";
import { enableTwoFactor } from "./fixtures/two-factor";
import { seriousViolations } from "./support/axe";
import { colorSchemes } from "./support/pages";
import { startServerOnOwnDatabase, stop } from "./support/production-server";

/**
 * Passkeys, with Chromium's virtual authenticator standing in for a phone, a laptop's fingerprint
 * reader or a security key. WebAuthn refuses IP addresses as a passkey's site, so this file runs a
 * server of its own addressed as localhost (the suite's servers are 127.0.0.1), on a database of its
 * own; it runs once, in the SQLite project.
 */

let server: Awaited<ReturnType<typeof startServerOnOwnDatabase>>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServerOnOwnDatabase({ RATE_LIMIT_SCALE: "100" }, { hostname: "localhost" });
});

test.afterAll(async () => {
  if (server) await stop(server.child);
});

const db = <T = Record<string, unknown>>(sql: string, args: (string | number | null)[] = []) => query<T>(sql, args, server.databaseUrl);

/** Moves the person's sign-ins back, past the ten minutes in which a sign-in counts as step-up. */
async function ageSessions(email: string, minutes = 11) {
  const earlier = new Date(Date.now() - minutes * 60_000).toISOString().replace("Z", "+00:00");
  await db('update session set "createdAt" = ?, "signedInAt" = ? where "userId" = (select id from "user" where email = ?)', [earlier, earlier, email]);
}

type Authenticator = { cdp: CDPSession; id: string; credentials: () => Promise<{ credentialId: string; privateKey?: string; userHandle?: string }[]> };

/** A platform authenticator that verifies its user (as a fingerprint or a PIN would) and never asks twice. */
async function addAuthenticator(page: Page): Promise<Authenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return {
    cdp,
    id: authenticatorId,
    credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials,
  };
}

async function newPerson(context: BrowserContext): Promise<TestUser> {
  const person = newUserDetails();
  const answer = await context.request.post("/api/auth/sign-up/email", { data: { ...person, callbackURL: "/verify-email" }, headers: { origin: server.baseURL } });
  expect(answer.ok(), await answer.text()).toBe(true);
  const mail = await new Mailbox().waitFor(person.email, /Verify your email/);
  // Opening the link signs the context in.
  expect((await context.request.get(mail.link, { maxRedirects: 0 })).status()).toBe(302);
  return person;
}

async function signedInBrowser(browser: Browser) {
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();
  const person = await newPerson(context);
  const authenticator = await addAuthenticator(page);
  return { context, page, person, authenticator };
}

/** Adds a passkey from the security page; with a sign-in older than ten minutes, confirming it's you with the password first. */
async function addPasskey(page: Page, person: TestUser, { stale = false } = {}) {
  await page.goto("/account/security");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  if (stale) {
    const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
    await dialog.getByLabel("Password").fill(person.password);
    await dialog.getByRole("button", { name: "Confirm" }).click();
  }
  await expect(page.getByRole("main").getByRole("status")).toContainText("Passkey added");
}

const passkeyList = (page: Page) => page.getByRole("list", { name: "Passkeys" }).getByRole("listitem");
const activityList = (page: Page) => page.getByRole("list", { name: "Security activity, newest first" }).getByRole("listitem");

/** The server by its IP address, for plain fetch from the test (WebAuthn needs the name only in the browser). */
const api = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  fetch(`${server.baseURL.replace("localhost", "127.0.0.1")}${path}`, { ...init, headers: { origin: server.baseURL, "content-type": "application/json", ...init.headers } });

async function signOut(page: Page) {
  await page.context().clearCookies();
}

/**
 * Signs in with the sign-in page's passkey button. The virtual authenticator would also answer the
 * page's passkey autofill on its own, so it waits for a touch until the button is pressed.
 */
async function signInWithPasskeyButton(page: Page, authenticator: Authenticator, path = "/sign-in") {
  await authenticator.cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId: authenticator.id, enabled: false });
  await page.goto(path);
  await waitForHydration(page);
  await authenticator.cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId: authenticator.id, enabled: true });
  await page.getByRole("button", { name: "Continue with a passkey" }).click();
}

test.describe("passkeys", () => {
  test.setTimeout(90_000);

  test("adding one takes a step-up when the sign-in is old; it is listed, recorded and mailed", async ({ browser }) => {
    const { context, page, person, authenticator } = await signedInBrowser(browser);
    await ageSessions(person.email);
    await addPasskey(page, person, { stale: true });

    await expect(passkeyList(page)).toHaveCount(1);
    // Chromium's virtual authenticator names no model: the default name, until the person gives one.
    await expect(passkeyList(page).first()).toContainText("Passkey");
    await expect(passkeyList(page).first()).toContainText("Not yet");
    expect(await authenticator.credentials()).toHaveLength(1);
    const [stored] = await db<{ credentialID: string; userId: string }>('select p."credentialID", p."userId" from passkey p join "user" u on u.id = p."userId" where u.email = ?', [person.email]);
    expect(stored!.credentialID).toBe((await authenticator.credentials())[0]!.credentialId.replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_"));

    await expect(activityList(page).first()).toContainText("Passkey added");
    const mail = await new Mailbox().waitFor(person.email, /A passkey was added/);
    expect(mail.text).toContain("A passkey was added to your account");
    await context.close();
  });

  test("signing in with one skips the two-factor code, is recorded as a passkey sign-in, and counts as a recent sign-in", async ({ browser }) => {
    const { context, page, person, authenticator } = await signedInBrowser(browser);
    await enableTwoFactor(page, person);
    await addPasskey(page, person);
    await signOut(page);

    await signInWithPasskeyButton(page, authenticator, "/sign-in?next=/account/security");
    await expect(page).toHaveURL(/\/account\/security$/);
    await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    await expect(passkeyList(page).first()).not.toContainText("Not yet");
    const activity = activityList(page).first();
    await expect(activity).toContainText("Signed in");
    await expect(activity).toContainText("With a passkey");

    // Fresh from every factor: signing out the other devices needs no confirmation now.
    await page.getByRole("button", { name: "Sign out other devices" }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toContainText(/Signed out of \d+ other devices?\./);
    await expect(page.getByRole("dialog", { name: "Confirm it's you" })).toHaveCount(0);
    await context.close();
  });

  test("chosen as the preferred method, the second step after the password opens on the passkey, which finishes signing in", async ({ browser }) => {
    const { context, page, person, authenticator } = await signedInBrowser(browser);
    await enableTwoFactor(page, person);
    await addPasskey(page, person);
    await page.getByLabel("Preferred method").selectOption({ label: "Passkey" });
    await expect(page.getByRole("main").getByRole("status").first()).toHaveText("Sign-in will open on: passkey.");
    await signOut(page);

    // The password first; the authenticator stays still, so the page's passkey autofill does not answer.
    await authenticator.cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId: authenticator.id, enabled: false });
    await page.goto("/sign-in");
    await waitForHydration(page);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/two-factor/);
    await waitForHydration(page);
    await expect(page.getByRole("button", { name: "Use a passkey" })).toBeVisible();
    await page.getByRole("button", { name: "Use another method" }).click();
    await expect(page.getByRole("listitem")).toHaveText([/Authenticator app/, /Passkey/, /Backup code/]);
    await page.getByRole("button", { name: /Passkey/ }).click();
    await authenticator.cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId: authenticator.id, enabled: true });
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
    await page.goto("/account/security");
    await expect(activityList(page).first()).toContainText("With a passkey");
    await context.close();
  });

  test("attack: an assertion without user verification (a key without its PIN) does not sign in", async ({ browser }) => {
    const { context, page, person, authenticator } = await signedInBrowser(browser);
    await addPasskey(page, person);
    // The key itself, as an authenticator that only checks presence would use it.
    const [credential] = await authenticator.credentials();
    const signInWith = async (flags: number, signCount: number) => {
      const options = await api("/api/auth/passkey/generate-authenticate-options");
      const { challenge } = await options.json();
      const cookie = options.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
      const response = assertion(credential!, { challenge, origin: server.baseURL, flags, signCount });
      return api("/api/auth/passkey/verify-authentication", { method: "POST", headers: { cookie }, body: JSON.stringify({ response }) });
    };
    const unverified = await signInWith(USER_PRESENT, 100);
    expect(unverified.status).toBe(401);
    expect((await unverified.json()).error.code).toBe("USER_VERIFICATION_REQUIRED");
    expect(unverified.headers.get("set-auth-token")).toBeNull();
    // The same key with the user-verified flag signs in: only the flag made the difference.
    const verified = await signInWith(USER_PRESENT | USER_VERIFIED, 101);
    expect(verified.status).toBe(200);
    await context.close();
  });

  test("the browser's passkey autofill on the sign-in page signs in once a passkey is chosen", async ({ browser }) => {
    const { context, page, person, authenticator } = await signedInBrowser(browser);
    await addPasskey(page, person);
    await signOut(page);
    await authenticator.cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId: authenticator.id, enabled: false });
    await page.goto("/sign-in?next=/account/profile");
    await waitForHydration(page);
    await expect(page.getByLabel("Email")).toHaveAttribute("autocomplete", "email webauthn");
    // Until the person picks the passkey from the email field's suggestions, nothing happens.
    await page.waitForTimeout(1_000);
    await expect(page).toHaveURL(/\/sign-in/);
    // The virtual authenticator's touch stands for that pick.
    await authenticator.cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId: authenticator.id, enabled: true });
    await expect(page).toHaveURL(/\/account\/profile$/);
    await context.close();
  });

  test("the step-up dialog takes a passkey, and so does the API's step-up", async ({ browser }) => {
    const { context, page, person } = await signedInBrowser(browser);
    await addPasskey(page, person);
    // Another device: a script with a bearer token.
    const signIn = await api("/api/auth/sign-in/email", { method: "POST", body: JSON.stringify({ email: person.email, password: person.password }) });
    const bearer = { authorization: `Bearer ${signIn.headers.get("set-auth-token")}` };
    await ageSessions(person.email);

    // Signing the other device out takes a recent sign-in: the passkey confirms it instead of the password.
    await page.reload();
    await waitForHydration(page);
    await page.getByRole("button", { name: "Sign out other devices" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
    await expect(dialog).toContainText("use one of your passkeys");
    await dialog.getByRole("button", { name: "Use a passkey" }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toContainText("Signed out of 1 other device.");
    await expect(dialog).toHaveCount(0);
    expect((await api("/api/auth/users/me", { headers: bearer })).status).toBe(401);

    // The API: a bearer token, a challenge, the authenticator's answer, a step-up token.
    const again = await api("/api/auth/sign-in/email", { method: "POST", body: JSON.stringify({ email: person.email, password: person.password }) });
    const script = { authorization: `Bearer ${again.headers.get("set-auth-token")}` };
    expect((await api("/api/auth/users/me/sessions", { method: "DELETE", headers: script })).status).toBe(403);
    const options = await (await api("/api/auth/users/me/step-up/passkey-options", { method: "POST", headers: script })).json();
    expect(options.userVerification).toBe("required");
    const assertion = await page.evaluate(answerChallenge, options);
    const stepUp = await api("/api/auth/users/me/step-up", { method: "POST", headers: script, body: JSON.stringify({ passkey: assertion }) });
    expect(stepUp.status, await stepUp.clone().text()).toBe(200);
    const { token: stepUpToken } = await stepUp.json();
    expect((await api("/api/auth/users/me/sessions", { method: "DELETE", headers: { ...script, "x-step-up-token": stepUpToken } })).status).toBe(200);

    // Each challenge is answered once.
    const replay = await api("/api/auth/users/me/step-up", { method: "POST", headers: script, body: JSON.stringify({ passkey: assertion }) });
    expect(replay.status).toBe(400);
    await context.close();
  });

  test("with a passkey and no password, a person signs in and confirms it's you with the passkey alone", async ({ browser }) => {
    const { context, page, person, authenticator } = await signedInBrowser(browser);
    await addPasskey(page, person);
    // As someone who signed up through a provider and never chose a password: no password to type.
    await db(`delete from account where "providerId" = 'credential' and "userId" = (select id from "user" where email = ?)`, [person.email]);
    await signOut(page);
    await signInWithPasskeyButton(page, authenticator, "/sign-in?next=/account/profile");
    await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
    await ageSessions(person.email);

    // Changing the email address takes a recent sign-in: the passkey is the whole proof.
    await page.reload();
    await waitForHydration(page);
    const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Email address" }) });
    await card.getByRole("button", { name: "Change email" }).click();
    const newEmail = `moved-${person.email}`;
    await card.getByLabel("New email address").fill(newEmail);
    await card.getByRole("button", { name: "Send verification" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
    await expect(dialog).toContainText("use one of your passkeys to continue");
    await expect(dialog.getByLabel("Password")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Use a passkey" }).click();
    await expect(card.getByRole("status")).toHaveText(`We have sent a link to ${newEmail}.`);
    await new Mailbox().waitFor(newEmail, /Confirm your new email address/);
    await context.close();
  });

  test("rename and remove; a removed passkey no longer signs in", async ({ browser }) => {
    const { context, page, person, authenticator } = await signedInBrowser(browser);
    await addPasskey(page, person);

    await page.getByRole("button", { name: "Rename Passkey" }).click();
    await page.getByLabel("Passkey name").fill("   ");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Enter a name for the passkey.")).toBeVisible();
    await page.getByLabel("Passkey name").fill("Work laptop");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(passkeyList(page).first()).toContainText("Work laptop");
    expect((await db<{ name: string }>('select p.name from passkey p join "user" u on u.id = p."userId" where u.email = ?', [person.email]))[0]!.name).toBe("Work laptop");

    await page.getByRole("button", { name: "Remove Work laptop" }).click();
    const confirm = page.getByRole("dialog", { name: "Remove Work laptop?" });
    await confirm.getByRole("button", { name: "Remove passkey" }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toContainText("Work laptop was removed");
    await expect(page.getByText("No passkeys yet.")).toBeVisible();
    await expect(activityList(page).first()).toContainText("Passkey removed");
    await new Mailbox().waitFor(person.email, /A passkey was removed/);

    // The authenticator still holds the credential; the site no longer knows it.
    await signOut(page);
    await signInWithPasskeyButton(page, authenticator);
    const refusal = page.getByText("That passkey is not registered here.");
    await expect(refusal).toBeVisible();

    // Chosen from the email field's suggestions first (the authenticator answers the autofill at
    // once), then from the button: the page says it once, not once per way.
    await page.goto("/sign-in");
    await expect(refusal).toBeVisible();
    await page.getByRole("button", { name: "Continue with a passkey" }).click();
    await expect(page.getByRole("button", { name: "Continue with a passkey" })).toBeEnabled();
    await expect(refusal).toHaveCount(1);
    await context.close();
  });

  test("attack: a stolen session older than ten minutes, or a bearer token, cannot add the attacker's passkey without a step-up", async ({ browser }) => {
    const { context, page, person, authenticator } = await signedInBrowser(browser);
    await ageSessions(person.email);
    // A passkey is a way in that skips the password and the code: adding one is a step-up action.
    for (const request of [
      () => context.request.get("/api/auth/passkey/generate-register-options"),
      () => context.request.post("/api/auth/passkey/verify-registration", { headers: { origin: server.baseURL }, data: { response: {} } }),
    ]) {
      const answer = await request();
      expect(answer.status()).toBe(403);
      expect((await answer.json()).error.code).toBe("STEP_UP_TOKEN_MISSING");
    }
    const signIn = await api("/api/auth/sign-in/email", { method: "POST", body: JSON.stringify({ email: person.email, password: person.password }) });
    const fresh = await api("/api/auth/passkey/generate-register-options", { headers: { authorization: `Bearer ${signIn.headers.get("set-auth-token")}` } });
    expect(fresh.status).toBe(403);
    expect(await db('select p.id from passkey p join "user" u on u.id = p."userId" where u.email = ?', [person.email])).toEqual([]);
    expect(await authenticator.credentials()).toEqual([]);
    await page.close();
    await context.close();
  });

  test("attack: another account's passkey neither confirms this account nor can be renamed or removed from it", async ({ browser }) => {
    const owner = await signedInBrowser(browser);
    await addPasskey(owner.page, owner.person);
    const intruder = await signedInBrowser(browser);
    await addPasskey(intruder.page, intruder.person);
    const [intruderPasskey] = await db<{ id: string; credentialID: string }>('select p.id, p."credentialID" from passkey p join "user" u on u.id = p."userId" where u.email = ?', [intruder.person.email]);

    // The owner's session asks for a challenge; the intruder's authenticator signs it with the intruder's passkey.
    const options = await (await owner.context.request.post("/api/auth/users/me/step-up/passkey-options", { headers: { origin: server.baseURL } })).json();
    const assertion = await intruder.page.evaluate(answerChallenge, { ...options, allowCredentials: [{ id: intruderPasskey!.credentialID, type: "public-key" }] });
    const stepUp = await owner.context.request.post("/api/auth/users/me/step-up", { headers: { origin: server.baseURL }, data: { passkey: assertion } });
    expect(stepUp.status()).toBe(403);
    expect((await stepUp.json()).error.code).toBe("INVALID_PASSKEY");

    const rename = await owner.context.request.put(`/api/auth/users/me/passkeys/${intruderPasskey!.id}`, { headers: { origin: server.baseURL }, data: { name: "mine now" } });
    expect(rename.status()).toBe(404);
    const remove = await owner.context.request.delete(`/api/auth/users/me/passkeys/${intruderPasskey!.id}`, { headers: { origin: server.baseURL } });
    expect(remove.status()).toBe(404);
    expect(await db("select name from passkey where id = ?", [intruderPasskey!.id])).toEqual([{ name: "Passkey" }]);

    // better-auth's own passkey endpoints that take an id are not served.
    for (const path of ["/api/auth/passkey/delete-passkey", "/api/auth/passkey/update-passkey"]) {
      expect((await owner.context.request.post(path, { headers: { origin: server.baseURL }, data: { id: intruderPasskey!.id, name: "x" } })).status()).toBe(404);
    }
    expect((await owner.context.request.get("/api/auth/passkey/list-user-passkeys")).status()).toBe(404);
    await owner.context.close();
    await intruder.context.close();
  });

  test("the REST API lists passkeys without their keys, and renames them with the form's rules", async ({ browser }) => {
    const { context, page, person } = await signedInBrowser(browser);
    await addPasskey(page, person);
    const list = await (await context.request.get("/api/auth/users/me/passkeys")).json();
    expect(list.passkeys).toHaveLength(1);
    expect(Object.keys(list.passkeys[0]).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name", "synced"]);
    const tooLong = await context.request.put(`/api/auth/users/me/passkeys/${list.passkeys[0].id}`, { headers: { origin: server.baseURL }, data: { name: "x".repeat(65) } });
    expect(tooLong.status()).toBe(400);
    expect((await tooLong.json()).error.message).toContain("at most 64 characters");
    const renamed = await context.request.put(`/api/auth/users/me/passkeys/${list.passkeys[0].id}`, { headers: { origin: server.baseURL }, data: { name: "  YubiKey  " } });
    expect(await renamed.json()).toMatchObject({ name: "YubiKey" });
    await context.close();
  });

  test("the passkeys card and the step-up dialog, light and dark, wide and narrow, pass axe", async ({ browser }) => {
    const { context, page, person, authenticator } = await signedInBrowser(browser);
    await addPasskey(page, person);
    await page.getByRole("button", { name: "Rename Passkey" }).click();
    await page.getByLabel("Passkey name").fill("MacBook Pro Touch ID");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(passkeyList(page).first()).toContainText("MacBook Pro Touch ID");
    await ageSessions(person.email);
    for (const colorScheme of colorSchemes) {
      await page.emulateMedia({ colorScheme });
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.reload();
        await waitForHydration(page);
        const card = page.locator("#passkeys");
        await card.scrollIntoViewIfNeeded();
        expect(await seriousViolations(page)).toEqual([]);
        await card.screenshot({ path: `screenshots/passkeys-card-${colorScheme}-${width}.png` });
        await page.getByRole("button", { name: "Remove MacBook Pro Touch ID" }).click();
        await page.getByRole("button", { name: "Remove passkey" }).click();
        const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
        await expect(dialog.getByRole("button", { name: "Use a passkey" })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `screenshots/passkeys-step-up-${colorScheme}-${width}.png` });
        await dialog.getByRole("button", { name: "Cancel" }).click();
      }
    }
    await signOut(page);
    await authenticator.cdp.send("WebAuthn.setAutomaticPresenceSimulation", { authenticatorId: authenticator.id, enabled: false });
    await page.goto("/sign-in");
    await waitForHydration(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: "screenshots/passkeys-sign-in-dark-375.png" });
    await context.close();
  });
});

const USER_PRESENT = 0x01;
const USER_VERIFIED = 0x04;

/** A WebAuthn assertion signed in the test with the authenticator's own private key, with the flags given. */
function assertion(credential: { credentialId: string; privateKey?: string; userHandle?: string }, { challenge, origin, flags, signCount }: { challenge: string; origin: string; flags: number; signCount: number }) {
  const id = Buffer.from(credential.credentialId, "base64").toString("base64url");
  const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge, origin, crossOrigin: false }));
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(signCount);
  const authenticatorData = Buffer.concat([createHash("sha256").update(new URL(origin).hostname).digest(), Buffer.from([flags]), counter]);
  const key = createPrivateKey({ key: Buffer.from(credential.privateKey!, "base64"), format: "der", type: "pkcs8" });
  // Chromium's virtual authenticator makes Ed25519 keys (the first algorithm the server offers).
  const signature = sign(key.asymmetricKeyType === "ed25519" ? null : "sha256", Buffer.concat([authenticatorData, createHash("sha256").update(clientDataJSON).digest()]), key);
  return {
    id,
    rawId: id,
    type: "public-key",
    clientExtensionResults: {},
    response: {
      clientDataJSON: clientDataJSON.toString("base64url"),
      authenticatorData: authenticatorData.toString("base64url"),
      signature: signature.toString("base64url"),
      userHandle: Buffer.from(credential.userHandle!, "base64").toString("base64url"),
    },
  };
}

/**
 * In the page: what navigator.credentials.get answers for these request options (base64url, as the
 * server sends them), as JSON, the way @simplewebauthn/browser sends it.
 */
async function answerChallenge(options: { challenge: string; rpId: string; allowCredentials: { id: string; type: string }[]; userVerification: string }) {
  const bytes = (text: string) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "=")), (c) => c.charCodeAt(0));
  const credential = (await navigator.credentials.get({
    publicKey: {
      challenge: bytes(options.challenge),
      rpId: options.rpId,
      userVerification: options.userVerification as UserVerificationRequirement,
      allowCredentials: options.allowCredentials.map((allowed) => ({ id: bytes(allowed.id), type: "public-key" as const })),
    },
  })) as PublicKeyCredential;
  return credential.toJSON();
}
