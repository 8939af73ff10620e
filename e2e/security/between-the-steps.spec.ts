import { query } from "../fixtures/database";
import { expect, sameOrigin, test } from "../fixtures";
import { enableTwoFactor, freshTotpCode } from "../fixtures/two-factor";

/**
 * Attack: someone who has the password but not the second factor signs in, keeps every cookie the
 * password step handed out, and tries them on pages and APIs, as they are or dressed up as a session.
 * Between the password and the code nothing may treat them as signed in.
 */
test.describe("attack: using the cookies handed out between the password and the code", () => {
  test("no page or API treats the half-signed-in as signed in", async ({ signedInPage: page, user, browser, baseURL }) => {
    const { secret } = await enableTwoFactor(page, user);
    const sessionsBefore = await query<{ id: string }>('select s.id from session s join "user" u on u.id = s."userId" where u.email = ?', [user.email]);

    const attacker = await browser.newContext({ baseURL });
    const passwordStep = await attacker.request.post("/api/auth/sign-in/email", { data: { email: user.email, password: user.password }, headers: sameOrigin() });
    expect(await passwordStep.json()).toMatchObject({ twoFactorRedirect: true });
    expect(passwordStep.headers()["set-auth-token"]).toBeUndefined();
    const captured = await attacker.cookies();
    const twoFactorCookie = captured.find((cookie) => cookie.name.endsWith("two_factor"));
    expect(twoFactorCookie).toBeDefined();
    expect(captured.filter((cookie) => cookie.name.includes("session_token"))).toEqual([]);

    // The password step left no session behind in the database either.
    const sessionsAfter = await query<{ id: string }>('select s.id from session s join "user" u on u.id = s."userId" where u.email = ?', [user.email]);
    expect(sessionsAfter.map((row) => row.id).sort()).toEqual(sessionsBefore.map((row) => row.id).sort());

    const cookieHeader = (cookies: { name: string; value: string }[]) => cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
    const disguises = {
      "the captured cookies": { cookie: cookieHeader(captured) },
      "the two-factor cookie as a session cookie": { cookie: cookieHeader([{ name: "better-auth.session_token", value: twoFactorCookie!.value }]) },
      "the two-factor cookie as a bearer token": { authorization: `Bearer ${decodeURIComponent(twoFactorCookie!.value)}` },
    };
    for (const [disguise, headers] of Object.entries(disguises)) {
      const fresh = await browser.newContext({ baseURL });
      const request = fresh.request;
      const withOrigin = { ...headers, ...sameOrigin() };
      expect(await (await request.get("/api/auth/get-session", { headers })).json(), disguise).toBeNull();
      expect((await request.get("/api/auth/users/me", { headers })).status(), disguise).toBe(401);
      expect((await request.get("/api/auth/users/me/sessions", { headers })).status(), disguise).toBe(401);
      expect((await request.delete("/api/auth/users/me/sessions", { headers: withOrigin })).status(), disguise).toBe(401);
      expect((await request.post("/api/auth/users/me/step-up", { data: { password: user.password }, headers: withOrigin })).status(), disguise).toBe(401);
      expect((await request.post("/api/auth/change-password", { data: { currentPassword: user.password, newPassword: "an entirely new passphrase" }, headers: withOrigin })).status(), disguise).toBe(401);
      const account = await request.get("/account/security", { headers, maxRedirects: 0 });
      expect(account.status(), disguise).toBe(307);
      expect(account.headers().location, disguise).toMatch(/^\/sign-in\?next=/);
      await fresh.close();
    }

    // The same cookies finish the sign-in only with the code.
    const finished = await attacker.request.post("/api/auth/two-factor/verify-totp", { data: { code: await freshTotpCode(secret) }, headers: sameOrigin() });
    expect(finished.status()).toBe(200);
    expect(await (await attacker.request.get("/api/auth/get-session")).json()).toMatchObject({ user: { email: user.email } });
    await attacker.close();
  });
});
