import { expect, sameOrigin, test } from "../fixtures";
import { query } from "../fixtures/database";
import { bearerToken, call } from "../support/api";

/**
 * Attack: with a stolen session, guess the account's password through an endpoint that checks it and
 * counts nothing. The only place that takes the password from a signed-in person is step-up, which
 * counts wrong answers per account.
 */
test("attack: guessing the password through a stolen session", async ({ signedInPage: page, user }) => {
  const token = await bearerToken(user);
  for (let guess = 1; guess <= 30; guess++) {
    const answer = await page.request.post("/api/auth/verify-password", { data: { password: `guess ${guess}` }, headers: sameOrigin() });
    expect(answer.status(), `guess ${guess}`).toBe(404);
  }
  const right = await call("POST", "/api/auth/verify-password", { token, json: { password: user.password } });
  expect([right.status, right.body.error?.code]).toEqual([404, "NOT_FOUND"]);

  // Step-up is where the password can be tried, and five wrong answers close it.
  for (let guess = 1; guess <= 5; guess++) {
    expect((await call("POST", "/api/auth/users/me/step-up", { token, json: { password: `guess ${guess}` } })).status).toBe(403);
  }
  expect((await call("POST", "/api/auth/users/me/step-up", { token, json: { password: user.password } })).status).toBe(429);
  const [{ n }] = (await query<{ n: number }>(
    `select count(*) as n from security_event e join "user" u on u.id = e."userId" where u.email = ? and e.type = 'step_up_failed'`,
    [user.email],
  )) as [{ n: number }];
  expect(Number(n)).toBe(5);
});
