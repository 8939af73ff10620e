import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { exitOf, spawnProductionServer } from "../support/production-server";

/**
 * Attack: a deployment that runs with the secret printed in our source (anyone can then sign session
 * cookies and step-up tokens for it), a guessable one, or a plain-http public address (cookies and
 * tokens in the clear). Production refuses each at start-up and says how to fix it.
 */
async function startWith(env: Record<string, string>) {
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "bastion-settings-")), "bastion.db")}`;
  const server = await spawnProductionServer({
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    BETTER_AUTH_URL: "https://accounts.example.com",
    SMTP_URL: "smtp://127.0.0.1:2525",
    ...env,
  });
  return { code: await exitOf(server.child), output: server.output() };
}

test.describe("attack: production with a known secret or over plain http", () => {
  test("the development secret from our source is refused", async () => {
    const { code, output } = await startWith({ BETTER_AUTH_SECRET: "bastion-development-secret-never-use-in-production" });
    expect(code).toBe(1);
    expect(output).toContain("BETTER_AUTH_SECRET is the development secret");
    expect(output).toContain("openssl rand -base64 32");
  });

  test("a long secret with little randomness in it is refused", async () => {
    for (const secret of ["a".repeat(40), "password".repeat(5), "0123456789".repeat(4)]) {
      const { code, output } = await startWith({ BETTER_AUTH_SECRET: secret });
      expect(code, secret).toBe(1);
      expect(output, secret).toContain("BETTER_AUTH_SECRET is too easy to guess");
    }
  });

  test("an http:// public URL is refused, except on this machine", async () => {
    const { code, output } = await startWith({ BETTER_AUTH_SECRET: "Zq3v9Yk1Lw7Rt2Xp5Nc8Hb4Md6Fg0Js1Ae3Ui5Oy7", BETTER_AUTH_URL: "http://accounts.example.com" });
    expect(code).toBe(1);
    expect(output).toContain("BETTER_AUTH_URL must be an https:// URL in production");
  });
});
