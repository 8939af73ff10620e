import { createServer, type Socket } from "node:net";
import { expect, test } from "@playwright/test";
import { newUserDetails } from "../fixtures";
import { query } from "../fixtures/database";
import { freePort } from "../support/settings";
import { startServerOnOwnDatabase, stop } from "../support/production-server";

/**
 * Attack: tell registered addresses from unregistered ones by how long the answer takes. The answer
 * for a registered address used to wait for the mail server; here the mail server accepts connections
 * and never greets, so an answer that waits for it would never come. The answers must come while the
 * mail is still on its way, and say the same thing for both kinds of address.
 */
async function silentMailServer() {
  const port = await freePort();
  const accepted: { socket: Socket; closed: boolean }[] = [];
  const server = createServer((socket) => {
    const connection = { socket, closed: false };
    accepted.push(connection);
    socket.on("close", () => (connection.closed = true));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => accepted.length,
    /** The mail connections opened since `since`, once there is one: each must still be waiting. */
    async stillWaitingSince(since: number) {
      await expect.poll(() => accepted.length, { message: "the mail is sent" }).toBeGreaterThan(since);
      return accepted.slice(since).every((connection) => !connection.closed);
    },
    close: () => {
      for (const { socket } of accepted) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test("attack: timing the reset and email-change answers to learn who has an account", async () => {
  test.setTimeout(120_000);
  const mail = await silentMailServer();
  const server = await startServerOnOwnDatabase({ SMTP_URL: mail.url });
  const post = (path: string, body: unknown, cookie = "") =>
    fetch(`${server.baseURL}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.baseURL, cookie },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  try {
    const person = newUserDetails();
    const neighbour = newUserDetails();
    for (const someone of [person, neighbour]) expect((await post("/api/auth/sign-up/email", someone)).status).toBe(200);
    await query('update "user" set "emailVerified" = 1', [], server.databaseUrl);

    let since = mail.connections();
    const known = await post("/api/auth/request-password-reset", { email: person.email, redirectTo: "/reset-password" });
    expect(await mail.stillWaitingSince(since), "the answer came while the reset mail was still waiting for the mail server").toBe(true);
    const unknown = await post("/api/auth/request-password-reset", { email: `nobody-${person.email}`, redirectTo: "/reset-password" });
    expect([known.status, await known.text()]).toEqual([unknown.status, await unknown.text()]);

    const signIn = await post("/api/auth/sign-in/email", { email: person.email, password: person.password });
    const cookie = signIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    since = mail.connections();
    const free = await post("/api/auth/change-email", { newEmail: `free-${person.email}` }, cookie);
    expect(await mail.stillWaitingSince(since), "the answer came while the confirmation mail was still waiting").toBe(true);
    const taken = await post("/api/auth/change-email", { newEmail: neighbour.email }, cookie);
    expect([free.status, await free.text()]).toEqual([taken.status, await taken.text()]);
  } finally {
    await stop(server.child);
    await mail.close();
  }
});
