import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "./support/settings";

/** Starts the production build with the given environment and returns how it ended. */
async function startProductionServer(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(join("node_modules", ".bin", "next"), ["start", "--hostname", "127.0.0.1", "--port", String(port)], {
    env: { PATH: process.env.PATH, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  // A server that does not stop within the limit is still serving: that is the failure.
  const timer = setTimeout(() => child.kill(), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  return { code, output };
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
});
