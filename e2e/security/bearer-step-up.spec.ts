import { expect, test } from "../fixtures";
import { bearerToken, call, stepUpToken } from "../support/api";

/**
 * Attack: an API client (or whoever took its token) changes the email address through better-auth's
 * own endpoint, right after signing in, without the step-up token that the API's documentation says
 * every such change needs. One rule for every path: a bearer token always steps up.
 */
test("attack: changing the email address with a fresh bearer token and no step-up", async ({ user, mailbox }) => {
  const token = await bearerToken(user);
  const newEmail = `bearer-${user.email}`;
  const direct = await call("POST", "/api/auth/change-email", { token, json: { newEmail } });
  expect([direct.status, direct.body.error?.code]).toEqual([403, "STEP_UP_TOKEN_MISSING"]);
  const ours = await call("PUT", "/api/auth/users/me/email", { token, json: { newEmail } });
  expect([ours.status, ours.body.error?.code]).toEqual([403, "STEP_UP_TOKEN_MISSING"]);
  expect(mailbox.all(newEmail)).toEqual([]);

  const stepUp = await stepUpToken(token, user.password);
  expect((await call("POST", "/api/auth/change-email", { token, stepUp, json: { newEmail } })).status).toBe(200);
  await mailbox.waitFor(newEmail, /Confirm your new email address/);
});
