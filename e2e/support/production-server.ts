import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { expect } from "@playwright/test";
import { appFor, E2E_SECRET, e2eSettings, freePort } from "./settings";
import { TcpLink } from "./tcp-link";

/**
 * Starts the production build exactly as `npm start` and the Docker image do (`node scripts/start.mjs`:
 * migrations, then the standalone server), with only the given environment.
 */
export async function spawnProductionServer(env: Record<string, string>, port?: number) {
  port ??= await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { PATH: process.env.PATH, ...env, NODE_ENV: "production", PORT: String(port), HOSTNAME: "127.0.0.1" },
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return { child, baseURL, output: () => output };
}

/**
 * A production server on the project's PostgreSQL through a relay of its own: `link.down()` is the
 * database going away for this server alone. `databaseUrl` is the relayed address it was given.
 */
export async function spawnServerBehindLink(projectName: string, env: Record<string, string> = {}) {
  const direct = new URL(appFor(projectName).databaseUrl);
  const link = new TcpLink(await freePort(), { host: direct.hostname, port: Number(direct.port || 5432) });
  const relayed = new URL(direct);
  relayed.port = String(link.port);
  relayed.hostname = "127.0.0.1";
  await link.up();
  const port = await freePort();
  const server = await spawnProductionServer(
    {
      DATABASE_URL: relayed.toString(),
      BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
      BETTER_AUTH_SECRET: E2E_SECRET,
      SMTP_URL: `smtp://127.0.0.1:${e2eSettings().smtpPort}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    port,
  );
  return { ...server, link, databaseUrl: relayed.toString() };
}

/** Waits for a started server to exit on its own; one still serving after the limit is killed. */
export async function exitOf(child: ChildProcess, limitMs = 30_000) {
  const timer = setTimeout(() => child.kill(), limitMs);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  return code;
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill();
  await new Promise((resolve) => child.on("exit", resolve));
}

/**
 * A production server on a SQLite file of its own, answering on /api/health: for tests that must read
 * its output or run it with settings the suite's servers do not have (real rate limits, say). With
 * `hostname: "localhost"` it is addressed by name, as WebAuthn needs (an IP address cannot be a
 * passkey's site); it still listens on 127.0.0.1 only.
 */
export async function startServerOnOwnDatabase(env: Record<string, string> = {}, { hostname = "127.0.0.1" } = {}) {
  const port = await freePort();
  const databaseUrl = `file:${join(process.env.E2E_RUN_DIRECTORY!, `server-${randomUUID()}.db`)}`;
  const server = await spawnProductionServer(
    {
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_URL: `http://${hostname}:${port}`,
      BETTER_AUTH_SECRET: E2E_SECRET,
      SMTP_URL: `smtp://127.0.0.1:${e2eSettings().smtpPort}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    port,
  );
  await expect.poll(() => fetch(`${server.baseURL}/api/health`).then((answer) => answer.status, () => 0), { timeout: 60_000 }).toBe(200);
  return { ...server, baseURL: `http://${hostname}:${port}`, databaseUrl };
}
