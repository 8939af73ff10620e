import { newUserDetails } from "../fixtures";
import { query } from "../fixtures/database";
import { Mailbox } from "../fixtures/mailbox";
import { expect, test } from "@playwright/test";
import { startServerOnOwnDatabase, stop } from "../support/production-server";

/**
 * Attack: every request names a different client in X-Forwarded-For, so that per-address limits
 * never add up (the brute force the issue names). Only behind a configured trusted proxy may that
 * header say who the client is. These servers run with the real limits (no RATE_LIMIT_SCALE), on
 * databases of their own; the file runs once, in the SQLite project, as nothing in it depends on
 * the suite's database.
 */
/** A new account on that server, signed in by its verification link: the session cookie. */
async function signedUpAndVerified(baseURL: string) {
  const person = newUserDetails();
  await fetch(`${baseURL}/api/auth/sign-up/email`, { method: "POST", headers: { "content-type": "application/json", origin: baseURL }, body: JSON.stringify(person) });
  const verification = await new Mailbox().waitFor(person.email, /Verify your email/);
  const verified = await fetch(verification.link, { redirect: "manual" });
  return verified.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}

const signInFrom = (baseURL: string, forwardedFor: string, email = "nobody@bastion.test") =>
  fetch(`${baseURL}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseURL, "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ email, password: "not the password at all" }),
  }).then((answer) => answer.status);

test.describe("attack: a new X-Forwarded-For on every request", () => {
  test.setTimeout(120_000);

  test("without a trusted proxy the header is ignored: the connection's address is the client, and its limit holds", async () => {
    const server = await startServerOnOwnDatabase();
    try {
      // Our own routes count the same way: three password changes per 10 s for one client.
      const session = await signedUpAndVerified(server.baseURL);
      const changes = [];
      for (let i = 1; i <= 4; i++) {
        const answer = await fetch(`${server.baseURL}/api/auth/users/me/password`, {
          method: "PUT",
          headers: { "content-type": "application/json", origin: server.baseURL, cookie: session, "x-forwarded-for": `198.51.100.${i}` },
          body: JSON.stringify({ currentPassword: "whatever it was", newPassword: "a brand new passphrase" }),
        });
        changes.push(answer.status);
      }
      // Refused for want of a step-up token until the limit, then for the limit.
      expect(changes).toEqual([403, 403, 403, 429]);

      const answers = [];
      for (let i = 1; i <= 5; i++) answers.push(await signInFrom(server.baseURL, `203.0.113.${i}`));
      // better-auth allows three sign-in attempts per 10 s per client.
      expect(answers).toEqual([401, 401, 401, 429, 429]);
      // A forged chain does not help either.
      expect(await signInFrom(server.baseURL, "198.51.100.7, 10.0.0.1")).toBe(429);
    } finally {
      await stop(server.child);
    }
  });

  test("behind a trusted proxy the address it forwards is the client's, for limits, sessions and the activity log", async () => {
    const server = await startServerOnOwnDatabase({ TRUSTED_PROXIES: "127.0.0.1" });
    try {
      // Each address has an allowance of its own: the proxy vouches for them.
      const answers = [];
      for (let i = 1; i <= 5; i++) answers.push(await signInFrom(server.baseURL, `203.0.113.${i}`));
      expect(answers).toEqual([401, 401, 401, 401, 401]);
      // One address, whatever a client prepends to the chain before the proxy: the proxy's entry counts.
      const same = [];
      for (let i = 1; i <= 4; i++) same.push(await signInFrom(server.baseURL, `192.0.2.${i}, 198.51.100.9`));
      expect(same).toEqual([401, 401, 401, 429]);

      const person = newUserDetails();
      const json = { "content-type": "application/json", origin: server.baseURL, "x-forwarded-for": "203.0.113.77" };
      await fetch(`${server.baseURL}/api/auth/sign-up/email`, { method: "POST", headers: json, body: JSON.stringify(person) });
      const verification = await new Mailbox().waitFor(person.email, /Verify your email/);
      await fetch(verification.link, { redirect: "manual", headers: { "x-forwarded-for": "203.0.113.77" } });
      const [session] = await query<{ ipAddress: string }>(
        'select s."ipAddress" from session s join "user" u on u.id = s."userId" where u.email = ?',
        [person.email],
        server.databaseUrl,
      );
      expect(session?.ipAddress).toBe("203.0.113.77");
      const [event] = await query<{ ipAddress: string }>(
        'select e."ipAddress" from security_event e join "user" u on u.id = e."userId" where u.email = ? and e.type = ?',
        [person.email, "sign_in"],
        server.databaseUrl,
      );
      expect(event?.ipAddress).toBe("203.0.113.77");

      // An IPv6 client is shown by its own address, written as people write it, not masked to its /64.
      const v6 = newUserDetails();
      const fromV6 = { ...json, "x-forwarded-for": "2001:DB8:0:0:0:0:0:42" };
      await fetch(`${server.baseURL}/api/auth/sign-up/email`, { method: "POST", headers: fromV6, body: JSON.stringify(v6) });
      const link = (await new Mailbox().waitFor(v6.email, /Verify your email/)).link;
      const opened = await fetch(link, { redirect: "manual", headers: { "x-forwarded-for": "2001:db8::42" } });
      const cookie = opened.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
      const sessions = await (await fetch(`${server.baseURL}/api/auth/users/me/sessions`, { headers: { cookie, "x-forwarded-for": "2001:db8::42" } })).json();
      expect(sessions.sessions.map((listed: { ipAddress: string }) => listed.ipAddress)).toEqual(["2001:db8::42"]);
      // Its neighbours on the same /64 share its allowance: three sign-ins per 10 s between them.
      const network = [];
      for (let i = 1; i <= 4; i++) network.push(await signInFrom(server.baseURL, `2001:db8:0:7::${i}`));
      expect(network).toEqual([401, 401, 401, 429]);
    } finally {
      await stop(server.child);
    }
  });
});
