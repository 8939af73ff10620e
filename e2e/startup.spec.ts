import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { exitOf, spawnProductionServer } from "./support/production-server";

/** Starts the production build with the given environment (and a database of its own) and returns how it ended. */
async function startProductionServer(env: Record<string, string>) {
  const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "bastion-startup-")), "bastion.db")}`;
  const server = await spawnProductionServer({ DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", ...env });
  // A server that does not stop on its own is still serving: that is the failure.
  const code = await exitOf(server.child);
  return { code, output: server.output() };
}

test.describe("production start-up", () => {
  test("refuses to start without its secret, URL and mail server, naming each", async () => {
    const { code, output } = await startProductionServer({});
    expect(code).toBe(1);
    expect(output).toContain("BETTER_AUTH_SECRET is required in production");
    expect(output).toContain("BETTER_AUTH_URL is required in production");
    expect(output).toContain("SMTP_URL is required in production");
  });

  test("refuses a secret too short to be safe", async () => {
    const { code, output } = await startProductionServer({
      BETTER_AUTH_SECRET: "short",
      BETTER_AUTH_URL: "https://accounts.example.com",
      SMTP_URL: "smtp://127.0.0.1:2525",
    });
    expect(code).toBe(1);
    expect(output).toContain("BETTER_AUTH_SECRET must be at least 32 characters long");
  });

  test("refuses a database URL of a kind it cannot run on, naming the kinds it can", async () => {
    const { code, output } = await startProductionServer({ DATABASE_URL: "mysql://root@127.0.0.1:3306/bastion" });
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL must start with file: or libsql: (SQLite, Turso) or postgres:// (PostgreSQL)");
  });
});
