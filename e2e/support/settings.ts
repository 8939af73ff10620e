import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

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

/** The app servers' secret: one every server of the suite shares, and random enough for production's check. */
export const E2E_SECRET = "e2e-Zq3v9Yk1Lw7Rt2Xp5Nc8Hb4Md6Fg0Js1Ae3Ui5Oy7";
/** What a scheduler sends to /api/cron/purge-deletions on the suite's servers. */
export const E2E_CRON_SECRET = "e2e-cron-Hq8Vt2Lm5Xc9Rb3N";

/** The databases the suite runs against, each with an app server and a Playwright project of its own. */
export const DATABASES = ["sqlite", "postgresql"] as const;
export type E2eDatabase = (typeof DATABASES)[number];

// The PostgreSQL server whose `postgres` database the suite connects to, to create its own database.
const DEFAULT_POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export function selectedDatabases(): E2eDatabase[] {
  const names = (process.env.E2E_DATABASES || DATABASES.join(",")).split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !DATABASES.includes(name as E2eDatabase));
  if (unknown.length > 0) throw new Error(`E2E_DATABASES: unknown ${unknown.join(", ")}; use ${DATABASES.join(" and/or ")}`);
  return names as E2eDatabase[];
}

function postgresAdminUrl() {
  return process.env.E2E_POSTGRES_ADMIN_URL || DEFAULT_POSTGRES_ADMIN_URL;
}

/**
 * A fresh database for this run: empty (the app's own `npm start` migrates it), or a copy of a
 * migrated template.
 */
export async function createPostgresDatabase(template?: string): Promise<string> {
  const adminUrl = postgresAdminUrl();
  const name = `bastion_e2e_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${new URL(template).pathname.slice(1)}"` : ""}`);
  } catch (error) {
    throw new Error(
      `The browser suite runs on PostgreSQL too, and none answers at ${adminUrl} (${(error as Error).message}). ` +
        "Start PostgreSQL, point E2E_POSTGRES_ADMIN_URL at one, or run the SQLite half only with E2E_DATABASES=sqlite.",
    );
  } finally {
    await client.end().catch(() => {});
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the run's PostgreSQL database, closing the connections the app still holds. */
export async function dropPostgresDatabase(databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Chooses the run's ports and fresh databases once, in the runner, and keeps them in the environment:
 * Playwright evaluates the config again in every worker, and workers inherit the runner's environment.
 */
export async function prepareE2eSettings() {
  process.env.E2E_SMTP_PORT ||= String(await freePort());
  process.env.E2E_OIDC_PORT ||= String(await freePort());
  if (!process.env.E2E_RUN_DIRECTORY) {
    process.env.E2E_RUN_DIRECTORY = mkdtempSync(join(tmpdir(), "bastion-e2e-"));
  }
  for (const database of selectedDatabases()) {
    const key = database.toUpperCase();
    process.env[`E2E_${key}_APP_PORT`] ||= String(await freePort());
    if (database === "postgresql") process.env.E2E_POSTGRESQL_DATABASE_URL ||= await createPostgresDatabase();
  }
  return e2eSettings();
}

export function e2eSettings() {
  const runDirectory = process.env.E2E_RUN_DIRECTORY;
  if (!runDirectory) throw new Error("prepareE2eSettings() has not run");
  const apps = selectedDatabases().map((database) => {
    const port = Number(process.env[`E2E_${database.toUpperCase()}_APP_PORT`]);
    const databaseUrl =
      database === "sqlite" ? `file:${join(runDirectory, "bastion.db")}` : (process.env.E2E_POSTGRESQL_DATABASE_URL as string);
    return { database, port, baseURL: `http://127.0.0.1:${port}`, databaseUrl };
  });
  return {
    apps,
    smtpPort: Number(process.env.E2E_SMTP_PORT),
    oidcPort: Number(process.env.E2E_OIDC_PORT),
    oidcIssuer: `http://127.0.0.1:${process.env.E2E_OIDC_PORT}`,
    mailDirectory: join(runDirectory, "mail"),
  };
}

/** The app server (and database) of the Playwright project a test runs in: projects are named after databases. */
export function appFor(projectName: string) {
  const app = e2eSettings().apps.find(({ database }) => database === projectName);
  if (!app) throw new Error(`no app server for project ${projectName}`);
  return app;
}
