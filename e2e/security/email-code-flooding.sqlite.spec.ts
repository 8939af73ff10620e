import { expect, test } from "@playwright/test";
import { newUserDetails } from "../fixtures";
import { Mailbox } from "../fixtures/mailbox";
import { totpCode } from "../fixtures/two-factor";
import { startServerOnOwnDatabase, stop } from "../support/production-server";

/**
 * Attack: with the password, ask for code after code by email, each request from a new address, to
 * flood the owner's mailbox or to get more guesses. Codes are limited per account, whatever the
 * address and whichever way they are asked for. The server runs with the real limits (no
 * RATE_LIMIT_SCALE) behind a trusted proxy, so each request can name a client of its own; the file
 * runs once, in the SQLite project, as nothing in it depends on the suite's database.
 */
const cookiesOf = (answer: Response, before = "") => {
  const jar = new Map(before ? before.split("; ").map((pair) => pair.split("=", 2) as [string, string]) : []);
  for (const line of answer.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, value] = pair!.split("=", 2) as [string, string];
    if (value) jar.set(name, value);
    else jar.delete(name);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
};

test("a sixth code within fifteen minutes is refused, from any address and either way of asking", async () => {
  test.setTimeout(120_000);
  const server = await startServerOnOwnDatabase({ TRUSTED_PROXIES: "127.0.0.1" });
  const mailbox = new Mailbox();
  let address = 0;
  const from = (cookie = "") => ({ "content-type": "application/json", origin: server.baseURL, "x-forwarded-for": `203.0.113.${++address}`, cookie });
  const post = (path: string, cookie: string, body: unknown = {}, method = "POST") =>
    fetch(`${server.baseURL}${path}`, { method, headers: from(cookie), body: JSON.stringify(body), redirect: "manual" });
  try {
    // The owner: signed up, two-factor on with an authenticator app, and codes by email on.
    const person = newUserDetails();
    await post("/api/auth/sign-up/email", "", person);
    const verified = await fetch((await mailbox.waitFor(person.email, /Verify your email/)).link, { redirect: "manual", headers: from() });
    let session = cookiesOf(verified);
    const enabling = await post("/api/auth/two-factor/enable", session, { password: person.password });
    const secret = new URL(((await enabling.json()) as { totpURI: string }).totpURI).searchParams.get("secret")!;
    const enabled = await post("/api/auth/two-factor/verify-totp", session, { code: totpCode(secret) });
    expect(enabled.status).toBe(200);
    session = cookiesOf(enabled, session);
    expect((await post("/api/auth/users/me/two-factor/email-code", session, undefined, "PUT")).status).toBe(200);

    // The attacker, with the password, at the second step.
    const signedIn = await post("/api/auth/sign-in/email", "", { email: person.email, password: person.password });
    expect(await signedIn.json()).toMatchObject({ twoFactorRedirect: true });
    const challenge = cookiesOf(signedIn);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await post("/api/auth/two-factor/send-otp", challenge)).status);
    expect(answers).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await post("/api/auth/two-factor/send-otp", challenge);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Too many codes asked for\. Try again in 15 minutes/);
    // The owner's step-up counts against the same allowance.
    expect((await post("/api/auth/users/me/step-up/email-code", session)).status).toBe(429);

    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mailbox.all(person.email).filter((mail) => /code/.test(mail.subject))).toHaveLength(5);
  } finally {
    await stop(server.child);
  }
});
