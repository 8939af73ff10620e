import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { newUserDetails } from "../fixtures";
import { Mailbox } from "../fixtures/mailbox";
import { totpCode } from "../fixtures/two-factor";
import { startServerOnOwnDatabase, stop } from "../support/production-server";

/**
 * Attack: reading the server's logs (a log service, a shared terminal, a support bundle) for
 * credentials. A server of its own, so that everything it printed can be read; it walks the journeys
 * that handle secrets, wrong ones included, then its whole output is searched for each of them. Runs
 * once, in the SQLite project.
 */
test("the server's logs never contain a password, token, code or secret", async () => {
  test.setTimeout(120_000);
  const secret = `log-test-secret-${randomUUID()}`;
  const server = await startServerOnOwnDatabase({ BETTER_AUTH_SECRET: secret, RATE_LIMIT_SCALE: "100" });
  const { baseURL } = server;
  const secrets: string[] = [secret];
  try {
    const mailbox = new Mailbox();
    let cookie = "";
    const call = async (method: string, path: string, body?: unknown) => {
      const answer = await fetch(`${baseURL}${path}`, {
        method,
        redirect: "manual",
        headers: { origin: baseURL, cookie, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const set = answer.headers.getSetCookie().map((line) => line.split(";")[0]!);
      if (set.length > 0) cookie = [...cookie.split("; ").filter((pair) => pair && !set.some((fresh) => fresh.split("=")[0] === pair.split("=")[0])), ...set].join("; ");
      for (const pair of set) secrets.push(decodeURIComponent(pair.slice(pair.indexOf("=") + 1)));
      const token = answer.headers.get("set-auth-token");
      if (token) secrets.push(token);
      return answer;
    };

    const person = newUserDetails();
    secrets.push(person.password);
    await call("POST", "/api/auth/sign-up/email", person);
    const verification = await mailbox.waitFor(person.email, /Verify your email/);
    secrets.push(new URL(verification.link).searchParams.get("token")!);
    await call("GET", new URL(verification.link).pathname + new URL(verification.link).search);

    const wrongPassword = `wrong ${randomUUID()}`;
    secrets.push(wrongPassword);
    await call("POST", "/api/auth/sign-in/email", { email: person.email, password: wrongPassword });
    await call("POST", "/api/auth/sign-in/email", { email: person.email, password: person.password });

    // Two-factor on: its key, its backup codes, a right and a wrong code.
    const enabled = await (await call("POST", "/api/auth/two-factor/enable", { password: person.password })).json();
    const key = new URL(enabled.totpURI).searchParams.get("secret")!;
    secrets.push(key, ...enabled.backupCodes);
    await call("POST", "/api/auth/two-factor/verify-totp", { code: "000000" === totpCode(key) ? "111111" : "000000" });
    await call("POST", "/api/auth/two-factor/verify-totp", { code: totpCode(key) });
    const stepUp = await call("POST", "/api/auth/users/me/step-up", { password: person.password, code: enabled.backupCodes[0] });
    secrets.push((await stepUp.json()).token);

    // An API key: made, used, used where it may not go, revoked, then used again.
    const made = await (await call("POST", "/api/auth/users/me/api-keys", { name: "log test", expiresInDays: 0, scope: "read" })).json();
    expect(made.key).toMatch(/^bastion_/);
    secrets.push(made.key);
    const withKey = (method: string, path: string) => fetch(`${baseURL}${path}`, { method, headers: { authorization: `Bearer ${made.key}` } });
    await withKey("GET", "/api/auth/users/me");
    await withKey("DELETE", "/api/auth/users/me/sessions");
    await withKey("POST", "/api/auth/change-email");
    await call("DELETE", `/api/auth/users/me/api-keys/${made.id}`);
    await withKey("GET", "/api/auth/users/me");

    // A new password, then a reset by mail to a third one.
    const changed = `changed ${randomUUID()}`;
    const reset = `reset ${randomUUID()}`;
    secrets.push(changed, reset);
    await call("POST", "/api/auth/change-password", { currentPassword: person.password, newPassword: changed });
    await call("POST", "/api/auth/request-password-reset", { email: person.email, redirectTo: "/reset-password" });
    const resetMail = await mailbox.waitFor(person.email, /Reset your/);
    const resetToken = new URL(resetMail.link).pathname.split("/").pop()!;
    secrets.push(resetToken);
    await call("POST", "/api/auth/reset-password", { token: resetToken, newPassword: reset });
    await call("POST", "/api/auth/reset-password", { token: resetToken, newPassword: reset });
  } finally {
    await stop(server.child);
  }

  const output = server.output();
  expect(output.length).toBeGreaterThan(0);
  for (const value of new Set(secrets.filter((candidate) => candidate && candidate.length >= 6))) {
    expect(output.includes(value), `the log contains ${value.slice(0, 4)}…`).toBe(false);
  }
});
