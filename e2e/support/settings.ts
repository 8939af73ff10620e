import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Asks the operating system for a port nobody is listening on. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Chooses the run's ports and fresh database once, in the runner, and keeps them in the environment:
 * Playwright evaluates the config again in every worker, and workers inherit the runner's environment.
 */
export async function prepareE2eSettings() {
  process.env.E2E_APP_PORT ||= String(await freePort());
  process.env.E2E_SMTP_PORT ||= String(await freePort());
  process.env.E2E_OIDC_PORT ||= String(await freePort());
  if (!process.env.E2E_RUN_DIRECTORY) {
    process.env.E2E_RUN_DIRECTORY = mkdtempSync(join(tmpdir(), "bastion-e2e-"));
  }
  return e2eSettings();
}

export function e2eSettings() {
  const runDirectory = process.env.E2E_RUN_DIRECTORY;
  if (!runDirectory) throw new Error("prepareE2eSettings() has not run");
  const appPort = Number(process.env.E2E_APP_PORT);
  return {
    appPort,
    baseURL: `http://127.0.0.1:${appPort}`,
    smtpPort: Number(process.env.E2E_SMTP_PORT),
    oidcPort: Number(process.env.E2E_OIDC_PORT),
    oidcIssuer: `http://127.0.0.1:${process.env.E2E_OIDC_PORT}`,
    mailDirectory: join(runDirectory, "mail"),
    databaseUrl: process.env.E2E_DATABASE_URL || `file:${join(runDirectory, "bastion.db")}`,
  };
}
