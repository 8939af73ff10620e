import { expect, test } from "../fixtures";
import { query } from "../fixtures/database";
import { bearerToken, call } from "../support/api";

/**
 * Attack: read the other devices' session tokens (each one a credential) through an endpoint that
 * lists sessions, then use them after the owner "signs out other devices" from the one they know.
 * Sessions are listed by id only.
 */
test("attack: reading session tokens from the sessions list", async ({ signedInPage: page, user }) => {
  const token = await bearerToken(user);
  const tokens = (await query<{ token: string }>('select s.token from session s join "user" u on u.id = s."userId" where u.email = ?', [user.email])).map((row) => row.token);
  expect(tokens.length).toBeGreaterThan(1);

  const listed = await page.request.get("/api/auth/list-sessions");
  expect(listed.status()).toBe(404);
  const withBearer = await call("GET", "/api/auth/list-sessions", { token });
  expect(withBearer.status).toBe(404);

  const ours = await call("GET", "/api/auth/users/me/sessions", { token });
  expect(ours.status).toBe(200);
  expect((ours.body.sessions as unknown[]).length).toBe(tokens.length);
  for (const secret of tokens) expect(ours.text).not.toContain(secret);
  for (const secret of tokens) expect(await listed.text()).not.toContain(secret);
});
