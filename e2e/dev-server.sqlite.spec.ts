import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { newUserDetails } from "./fixtures";
import { Mailbox } from "./fixtures/mailbox";
import { e2eSettings } from "./support/settings";

/**
 * The README's first line, on a machine where port 3000 is taken (another app, a second checkout):
 * `npm run dev` moves to the next free port, and sign-up, its origin check and its mailed link all
 * follow it. Once, in the SQLite project, on a database file of its own.
 */

/** Holds 127.0.0.1:3000 for the test when nothing else does; null when something already does. */
function holdPort3000(): Promise<Server | null> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(null));
    server.listen(3000, "127.0.0.1", () => resolve(server));
  });
}

test("npm run dev on another port than 3000 takes a sign-up, and the mailed link names that port", async () => {
  test.setTimeout(240_000);
  const holder = await holdPort3000();
  const child = spawn("npm", ["run", "dev"], {
    detached: true,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "development",
      DATABASE_URL: `file:${join(process.env.E2E_RUN_DIRECTORY!, `dev-${randomUUID()}.db`)}`,
      SMTP_URL: `smtp://127.0.0.1:${e2eSettings().smtpPort}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  try {
    await expect.poll(() => /the app runs on (http:\/\/localhost:\d+)/.exec(output)?.[1], { timeout: 120_000 }).toBeTruthy();
    const appUrl = /the app runs on (http:\/\/localhost:\d+)/.exec(output)![1]!;
    expect(appUrl).not.toBe("http://localhost:3000");
    await expect.poll(() => fetch(`${appUrl}/api/health`).then((answer) => answer.status, () => 0), { timeout: 120_000 }).toBe(200);

    const person = newUserDetails();
    const signUp = await fetch(`${appUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: appUrl },
      body: JSON.stringify({ ...person, callbackURL: "/verify-email" }),
    });
    expect(signUp.status, await signUp.clone().text()).toBe(200);
    const mail = await new Mailbox().waitFor(person.email, /Verify your email/);
    expect(mail.link.startsWith(`${appUrl}/api/auth/verify-email?`)).toBe(true);
  } finally {
    // npm, the dev script and Next's own workers: the whole group.
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    holder?.close();
  }
});
