import { ageSessions } from "../fixtures/database";
import { expect, sameOrigin, test } from "../fixtures";
import { enableTwoFactor } from "../fixtures/two-factor";
import { call } from "../support/api";

/**
 * Attack: someone holds a session signed in long ago and knows the password, and the account has
 * two-factor on. If any endpoint hands out the authenticator's key for the password alone, they can
 * compute every code from then on, step up, and take the account. No such endpoint answers.
 */
test("attack: reading the authenticator key with an old session and the password", async ({ signedInPage: page, user }) => {
  await enableTwoFactor(page, user);
  const token = decodeURIComponent((await page.context().cookies()).find((cookie) => cookie.name === "better-auth.session_token")!.value);
  await ageSessions(user.email, 11);

  const withCookie = await page.request.post("/api/auth/two-factor/get-totp-uri", { data: { password: user.password }, headers: sameOrigin() });
  expect(withCookie.status()).toBe(404);
  expect(await withCookie.text()).not.toContain("otpauth:");
  const withBearer = await call("POST", "/api/auth/two-factor/get-totp-uri", { token, json: { password: user.password } });
  expect([withBearer.status, withBearer.body.error?.code]).toEqual([404, "NOT_FOUND"]);
  expect(withBearer.text).not.toContain("otpauth:");

  // Setting two-factor up again, which would show a key, is refused too: it needs a recent sign-in.
  const again = await call("POST", "/api/auth/two-factor/enable", { token, json: { password: user.password } });
  expect(again.status).toBe(403);
  expect(again.text).not.toContain("otpauth:");
});
