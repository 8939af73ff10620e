import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, vi } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase, selectedDatabases } from "@/e2e/support/settings";

type TestDatabase = { url: string; drop: () => Promise<void> };

/**
 * The databases a unit test of a query runs on: a SQLite file, and a PostgreSQL database of its own on
 * the browser tests' server (E2E_DATABASES=sqlite leaves it out, as there).
 */
export const testDatabases = selectedDatabases().map((name) => ({
  name,
  create: async (): Promise<TestDatabase> => {
    if (name === "postgresql") {
      const url = await createPostgresDatabase();
      return { url, drop: () => dropPostgresDatabase(url) };
    }
    const folder = mkdtempSync(join(tmpdir(), "bastion-unit-"));
    return { url: `file:${join(folder, "test.db")}`, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  },
}));

/** Migrates the database as `npm start` does, and points modules imported from here on at it. */
export function useDatabase(url: string) {
  const migrate = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  expect(migrate.status, migrate.stderr).toBe(0);
  vi.stubEnv("DATABASE_URL", url);
  vi.resetModules();
}

/** Closes the database's client; lib/db keeps one across module reloads outside production. */
export async function leaveDatabase(db: { $disconnect: () => Promise<void> } | undefined) {
  await db?.$disconnect();
  delete (globalThis as { prisma?: unknown }).prisma;
  vi.unstubAllEnvs();
}
