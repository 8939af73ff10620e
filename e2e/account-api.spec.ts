import { createHash, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import sharp from "sharp";
import { query, reachDeletionDate } from "./fixtures/database";
import { createVerifiedUser, expect, test } from "./fixtures";
import { enableTwoFactor, freshTotpCode, totpCode } from "./fixtures/two-factor";
import { OIDC_CLIENT, OIDC_IDENTITY_COOKIE, type OidcIdentity } from "./support/oidc-provider.mjs";
import { baseURL, bearerToken, call, errorCode, purgeDeletions, stepUpToken } from "./support/api";
import { E2E_SECRET, e2eSettings } from "./support/settings";

async function storedUser(email: string) {
  const [row] = await query<{ name: string; email: string }>('select name, email from "user" where email = ?', [email]);
  return row;
}

test.describe("REST API: profile", () => {
  test("GET /me answers the bearer token's profile; no token, a made-up one or a signed-out one is 401", async ({ user }) => {
    const token = await bearerToken(user);
    const me = await call("GET", "/api/auth/users/me", { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: user.name, email: user.email, emailVerified: true, image: null, twoFactorEnabled: false, hasPassword: true, providers: [] });
    expect(typeof me.body.id).toBe("string");
    expect(new Date(me.body.createdAt as string).getTime()).toBeGreaterThan(Date.now() - 10 * 60_000);

    const unknown = await call("GET", "/api/auth/users/me/no-such-thing", { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe("NOT_FOUND");

    const anonymous = await call("GET", "/api/auth/users/me");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: { code: "UNAUTHORIZED", message: "Sign in to continue." } });
    expect((await call("GET", "/api/auth/users/me", { token: `${token.slice(0, -4)}AAA=` })).status).toBe(401);

    // After sign-out the same token opens nothing.
    const signOut = await fetch(`${baseURL()}/api/auth/sign-out`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", origin: baseURL() },
      body: "{}",
    });
    expect(signOut.status).toBe(200);
    expect((await call("GET", "/api/auth/users/me", { token })).status).toBe(401);
  });

  test("PUT /me changes the name only: the form's rules, trimmed; other fields are refused by name and nothing changes", async ({ user }) => {
    const token = await bearerToken(user);
    const renamed = await call("PUT", "/api/auth/users/me", { token, json: { name: "  Ada Lovelace  " } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe("Ada Lovelace");
    expect((await storedUser(user.email))?.name).toBe("Ada Lovelace");

    for (const field of ["email", "emailVerified", "id", "image", "twoFactorEnabled"]) {
      const refused = await call("PUT", "/api/auth/users/me", { token, json: { name: "Mallory", [field]: field === "emailVerified" ? false : "x@evil.test" } });
      expect(refused.status, field).toBe(400);
      expect(refused.body.error).toEqual({ code: "INVALID_INPUT", message: `"${field}" cannot be changed with this request.` });
    }
    expect(errorCode(await call("PUT", "/api/auth/users/me", { token, json: { name: "" } }))).toBe("INVALID_INPUT");
    expect(errorCode(await call("PUT", "/api/auth/users/me", { token, json: { name: "Evil\u202Eexe" } }))).toBe("INVALID_INPUT");
    const notJson = await call("PUT", "/api/auth/users/me", { token, body: "{name", headers: { "content-type": "application/json" } });
    expect(notJson.status).toBe(400);
    expect(errorCode(notJson)).toBe("INVALID_INPUT");
    const form = await call("PUT", "/api/auth/users/me", { token, body: "name=Mallory", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    expect(errorCode(form)).toBe("UNSUPPORTED_MEDIA_TYPE");
    const huge = await call("PUT", "/api/auth/users/me", { token, json: { name: "x".repeat(20_000) } });
    expect(huge.status).toBe(413);
    expect(errorCode(huge)).toBe("PAYLOAD_TOO_LARGE");
    expect(await storedUser(user.email)).toEqual({ name: "Ada Lovelace", email: user.email });
  });

  test("a cookie-authenticated write from another site is refused; a bearer token from another site is not", async ({ signedInPage: page, user }) => {
    const fromElsewhere = await page.request.put("/api/auth/users/me", { data: { name: "Mallory" }, headers: { origin: "https://evil.example" } });
    expect(fromElsewhere.status()).toBe(403);
    expect(await fromElsewhere.json()).toEqual({ error: { code: "FORBIDDEN", message: "This request did not come from this site." } });
    expect((await storedUser(user.email))?.name).toBe(user.name);

    const token = await bearerToken(user);
    const ownFrontEnd = await call("PUT", "/api/auth/users/me", { token, json: { name: "Ada" }, headers: { origin: "https://dashboard.example" } });
    expect(ownFrontEnd.status).toBe(200);
  });

  test("avatar: PUT stores the picture, with the page's limits (413, 415); DELETE removes it", async ({ user }) => {
    const token = await bearerToken(user);
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#3366ff" } }).png().toBuffer();
    const stored = await call("PUT", "/api/auth/users/me/avatar", { token, body: png, headers: { "content-type": "image/png" } });
    expect(stored.status).toBe(200);
    expect(stored.body.image).toMatch(/^\/api\/avatars\/[^/]+\/[0-9a-f]{16}\.webp$/);
    expect((await call("GET", "/api/auth/users/me", { token })).body.image).toBe(stored.body.image);

    const svg = await call("PUT", "/api/auth/users/me/avatar", { token, body: "<svg xmlns='http://www.w3.org/2000/svg'/>", headers: { "content-type": "image/png" } });
    expect([svg.status, errorCode(svg)]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const large = await call("PUT", "/api/auth/users/me/avatar", { token, body: new Uint8Array(2 * 1024 * 1024 + 1), headers: { "content-type": "image/png" } });
    expect([large.status, errorCode(large)]).toEqual([413, "PAYLOAD_TOO_LARGE"]);

    expect((await call("DELETE", "/api/auth/users/me/avatar", { token })).status).toBe(204);
    expect((await call("GET", "/api/auth/users/me", { token })).body.image).toBeNull();
  });
});

test.describe("REST API: step-up", () => {
  test("email change needs a step-up token; with one, the link goes to the new address and the old one stays until it is opened", async ({ user, mailbox }) => {
    const token = await bearerToken(user);
    const newEmail = `new-${user.email}`;
    const missing = await call("PUT", "/api/auth/users/me/email", { token, json: { newEmail } });
    expect(missing.status).toBe(403);
    expect(errorCode(missing)).toBe("STEP_UP_TOKEN_MISSING");

    const stepUp = await stepUpToken(token, user.password);
    expect(errorCode(await call("PUT", "/api/auth/users/me/email", { token, stepUp, json: { newEmail: "not an address" } }))).toBe("INVALID_INPUT");
    const started = await call("PUT", "/api/auth/users/me/email", { token, stepUp, json: { newEmail } });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: "verification_sent", pendingEmail: newEmail });
    await mailbox.waitFor(newEmail, /Confirm your new email address/);
    expect((await storedUser(user.email))?.email).toBe(user.email);
  });

  test("a wrong password earns no token; five wrong answers lock step-up for a while, even for the right one", async ({ user }) => {
    const token = await bearerToken(user);
    const missingPassword = await call("POST", "/api/auth/users/me/step-up", { token, json: {} });
    expect([missingPassword.status, errorCode(missingPassword)]).toEqual([400, "INVALID_INPUT"]);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await call("POST", "/api/auth/users/me/step-up", { token, json: { password: `wrong ${attempt}` } });
      expect([wrong.status, errorCode(wrong)], `attempt ${attempt}`).toEqual([403, "INVALID_PASSWORD"]);
    }
    const locked = await call("POST", "/api/auth/users/me/step-up", { token, json: { password: user.password } });
    expect([locked.status, errorCode(locked)]).toEqual([429, "TOO_MANY_REQUESTS"]);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(locked.body.token).toBeUndefined();
  });

  test("a step-up token works only for the user and the session that obtained it, and not once expired or altered", async ({ request, mailbox, user }) => {
    const other = await createVerifiedUser(request, mailbox);
    const token = await bearerToken(user);
    const otherToken = await bearerToken(other);
    const othersStepUp = await stepUpToken(otherToken, other.password);
    const password = { currentPassword: user.password, newPassword: "a completely new passphrase 7" };

    const foreign = await call("PUT", "/api/auth/users/me/password", { token, stepUp: othersStepUp, json: password });
    expect([foreign.status, errorCode(foreign)]).toEqual([403, "STEP_UP_TOKEN_INVALID"]);

    // The same person, another session (another device): not valid there either.
    const secondSession = await bearerToken(user);
    const mine = await stepUpToken(token, user.password);
    expect(errorCode(await call("PUT", "/api/auth/users/me/password", { token: secondSession, stepUp: mine, json: password }))).toBe("STEP_UP_TOKEN_INVALID");

    const [header, payload, signature] = mine.split(".");
    const altered = `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith("A") ? "BB" : "AA"}`;
    expect(errorCode(await call("PUT", "/api/auth/users/me/password", { token, stepUp: altered, json: password }))).toBe("STEP_UP_TOKEN_INVALID");
    expect(errorCode(await call("PUT", "/api/auth/users/me/password", { token, stepUp: "not-a-token", json: password }))).toBe("STEP_UP_TOKEN_INVALID");

    // A token the server itself would have issued eleven minutes ago (same key, see lib/account/step-up.ts).
    const [session] = await query<{ id: string; userId: string }>('select s.id, s."userId" from session s where s.token = ?', [token.split(".")[0]!]);
    const key = createHash("sha256").update(`bastion step-up token\0${E2E_SECRET}`).digest();
    const issuedAt = Math.floor(Date.now() / 1000) - 11 * 60;
    const expired = await new SignJWT({ sid: session!.id })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(session!.userId)
      .setAudience("bastion:step-up")
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 10 * 60)
      .sign(key);
    const late = await call("PUT", "/api/auth/users/me/password", { token, stepUp: expired, json: password });
    expect([late.status, errorCode(late)]).toEqual([403, "STEP_UP_TOKEN_EXPIRED"]);

    // None of those changed the password.
    await bearerToken(user);
  });

  test("password change: step-up and the current password; common passwords refused; other sessions end and the new token works", async ({ user }) => {
    const token = await bearerToken(user);
    const otherDevice = await bearerToken(user);
    const stepUp = await stepUpToken(token, user.password);
    const newPassword = "a completely new passphrase 8";

    const missing = await call("PUT", "/api/auth/users/me/password", { token, json: { currentPassword: user.password, newPassword } });
    expect(errorCode(missing)).toBe("STEP_UP_TOKEN_MISSING");
    const wrongCurrent = await call("PUT", "/api/auth/users/me/password", { token, stepUp, json: { currentPassword: "not it at all", newPassword } });
    expect([wrongCurrent.status, errorCode(wrongCurrent)]).toEqual([403, "INVALID_PASSWORD"]);
    const common = await call("PUT", "/api/auth/users/me/password", { token, stepUp, json: { currentPassword: user.password, newPassword: "password123" } });
    expect([common.status, errorCode(common)]).toEqual([400, "INVALID_INPUT"]);
    const extra = await call("PUT", "/api/auth/users/me/password", { token, stepUp, json: { currentPassword: user.password, newPassword, confirm: true } });
    expect([extra.status, errorCode(extra)]).toEqual([400, "INVALID_INPUT"]);

    const changed = await call("PUT", "/api/auth/users/me/password", { token, stepUp, json: { currentPassword: user.password, newPassword, revokeOtherSessions: true } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: "password_changed", otherSessionsRevoked: true });
    const newToken = changed.body.token as string;
    expect(changed.headers.get("set-auth-token")).toBe(newToken);

    expect((await call("GET", "/api/auth/users/me", { token: otherDevice })).status).toBe(401);
    expect((await call("GET", "/api/auth/users/me", { token })).status).toBe(401);
    expect((await call("GET", "/api/auth/users/me", { token: newToken })).status).toBe(200);
    await bearerToken({ ...user, password: newPassword });
  });

  test("with two-factor on, step-up needs a code as well: the app's code, or a backup code once", async ({ signedInPage: page, user }) => {
    const { secret, backupCodes } = await enableTwoFactor(page, user);
    // Two-factor sign-in for API clients happens in the browser; take this session's token over.
    const sessionCookie = (await page.context().cookies()).find((cookie) => cookie.name === "better-auth.session_token");
    const token = decodeURIComponent(sessionCookie!.value);

    const noCode = await call("POST", "/api/auth/users/me/step-up", { token, json: { password: user.password } });
    expect([noCode.status, errorCode(noCode)]).toEqual([400, "INVALID_INPUT"]);
    const wrongCode = await call("POST", "/api/auth/users/me/step-up", { token, json: { password: user.password, code: "000000" === totpCode(secret) ? "111111" : "000000" } });
    expect([wrongCode.status, errorCode(wrongCode)]).toEqual([403, "INVALID_CODE"]);
    await stepUpToken(token, user.password, await freshTotpCode(secret));

    // The same code sent twice at once: it is good for one of them only.
    const code = await freshTotpCode(secret);
    const racing = await Promise.all([1, 2].map(() => call("POST", "/api/auth/users/me/step-up", { token, json: { password: user.password, code } })));
    expect(racing.map((answer) => [answer.status, answer.body.error?.code ?? "ok"]).sort()).toEqual([
      [200, "ok"],
      [403, "CODE_ALREADY_USED"],
    ]);

    await stepUpToken(token, user.password, backupCodes[0]);
    const reused = await call("POST", "/api/auth/users/me/step-up", { token, json: { password: user.password, code: backupCodes[0] } });
    expect([reused.status, errorCode(reused)]).toEqual([403, "INVALID_CODE"]);
  });

  test("an account that signs in only through a provider has no password to step up with (409)", async ({ page }) => {
    const id = randomUUID().slice(0, 8);
    const identity: OidcIdentity = { sub: `oidc-${id}`, email: `oidc-${id}@id.example`, name: `Provider Person ${id}` };
    await page.context().addCookies([{ name: OIDC_IDENTITY_COOKIE, value: encodeURIComponent(JSON.stringify(identity)), url: e2eSettings().oidcIssuer }]);
    await page.goto("/sign-in");
    await page.getByRole("button", { name: `Continue with ${OIDC_CLIENT.name}` }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
    const sessionCookie = (await page.context().cookies()).find((cookie) => cookie.name === "better-auth.session_token");
    const answer = await call("POST", "/api/auth/users/me/step-up", { token: decodeURIComponent(sessionCookie!.value), json: { password: "anything at all" } });
    expect([answer.status, errorCode(answer)]).toEqual([409, "PASSWORD_NOT_SET"]);
  });

  test("DELETE /me needs step-up; then the account is scheduled for deletion, the cookies are cleared and the token is dead; the purge at the date removes every row", async ({ user }) => {
    const token = await bearerToken(user);
    const missing = await call("DELETE", "/api/auth/users/me", { token });
    expect([missing.status, errorCode(missing)]).toEqual([403, "STEP_UP_TOKEN_MISSING"]);
    expect(await storedUser(user.email)).toBeTruthy();

    const stepUp = await stepUpToken(token, user.password);
    const scheduled = await call("DELETE", "/api/auth/users/me", { token, stepUp });
    expect(scheduled.status).toBe(202);
    expect(scheduled.body.status).toBe("scheduled");
    // Seven days, the default grace period.
    expect(new Date(scheduled.body.deletesAt as string).getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    const cleared = scheduled.headers.getSetCookie();
    expect(cleared.some((cookie) => /^better-auth\.session_token=;.*Max-Age=0/i.test(cookie))).toBe(true);
    expect((await call("GET", "/api/auth/users/me", { token })).status).toBe(401);
    expect(await storedUser(user.email)).toBeTruthy();

    await reachDeletionDate(user.email);
    // Another test's purge may run first; either way the account is gone after this one.
    await purgeDeletions();
    expect(await storedUser(user.email)).toBeUndefined();
    expect(await query('select id from account where "userId" not in (select id from "user")')).toEqual([]);
  });

});

test.describe("the OpenAPI document", () => {
  test("is OpenAPI 3.1 for this deployment and describes every endpoint and method the API serves", async () => {
    const answer = await call("GET", "/api/openapi.json");
    expect(answer.status).toBe(200);
    const document = answer.body as { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: baseURL() }]);
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(
      [
        "POST /api/auth/sign-in/email",
        "POST /api/auth/two-factor/verify-totp",
        "POST /api/auth/sign-out",
        "GET /api/auth/users/me",
        "PUT /api/auth/users/me",
        "DELETE /api/auth/users/me",
        "DELETE /api/auth/users/me/deletion",
        "PUT /api/auth/users/me/avatar",
        "DELETE /api/auth/users/me/avatar",
        "PUT /api/auth/users/me/email",
        "DELETE /api/auth/users/me/email",
        "PUT /api/auth/users/me/password",
        "POST /api/auth/users/me/step-up",
        "POST /api/auth/users/me/step-up/passkey-options",
        "POST /api/auth/users/me/step-up/email-code",
        "GET /api/auth/users/me/passkeys",
        "PUT /api/auth/users/me/passkeys/{id}",
        "DELETE /api/auth/users/me/passkeys/{id}",
        "POST /api/auth/two-factor/enable",
        "POST /api/auth/two-factor/disable",
        "POST /api/auth/two-factor/generate-backup-codes",
        "PUT /api/auth/users/me/two-factor/email-code",
        "DELETE /api/auth/users/me/two-factor/email-code",
        "PUT /api/auth/users/me/two-factor/preferred",
        "GET /api/auth/users/me/sessions",
        "DELETE /api/auth/users/me/sessions",
        "DELETE /api/auth/users/me/sessions/{id}",
        "GET /api/auth/users/me/trusted-devices",
        "DELETE /api/auth/users/me/trusted-devices",
        "DELETE /api/auth/users/me/trusted-devices/{id}",
        "DELETE /api/auth/users/me/connections/{id}",
        "GET /api/auth/users/me/api-keys",
        "POST /api/auth/users/me/api-keys",
        "DELETE /api/auth/users/me/api-keys",
        "DELETE /api/auth/users/me/api-keys/{id}",
        "GET /api/auth/users/me/activity",
        "GET /api/auth/users/me/activity/export",
        "POST /api/auth/users/me/activity/{id}/report",
        "GET /api/auth/users/me/export",
      ].sort(),
    );
    // Every documented path answers something other than 404 or 405 for its documented methods.
    for (const operation of operations) {
      const [method, path] = operation.split(" ");
      const reply = await call(method!, path!, { json: method === "GET" || method === "DELETE" ? undefined : {} });
      expect([404, 405], operation).not.toContain(reply.status);
    }
    // Request bodies come from the same zod schemas as the routes: a strict object with the form's rules.
    const stepUpBody = (document.paths["/api/auth/users/me/step-up"]!.post as unknown as { requestBody: { content: { "application/json": { schema: unknown } } } }).requestBody
      .content["application/json"].schema;
    expect(stepUpBody).toMatchObject({ type: "object", additionalProperties: false, properties: { password: { type: "string", minLength: 1 }, passkey: { type: "object" } } });
  });
});
