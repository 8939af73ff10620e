import { copyFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inject, vi } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase, selectedDatabases } from "@/e2e/support/settings";
import { sqliteFile, type TestDatabase } from "@/lib/testing/global-setup";

declare module "vitest" {
  export interface ProvidedContext {
    /** Each database's migrated template (lib/testing/global-setup.ts), by name. */
    databaseTemplates: Record<string, string>;
  }
}

/**
 * The databases a unit test of a query runs on: a SQLite file, and a PostgreSQL database of its own on
 * the browser tests' server (E2E_DATABASES=sqlite leaves it out, as there). Each starts as a copy of
 * the run's migrated template, which is much quicker than migrating each one.
 */
export const testDatabases = selectedDatabases().map((name) => ({
  name,
  create: async (): Promise<TestDatabase> => {
    const template = inject("databaseTemplates")[name];
    if (!template) throw new Error(`no ${name} template: vitest.config.ts's globalSetup makes one`);
    if (name === "postgresql") {
      const url = await createPostgresDatabase(template);
      return { url, drop: () => dropPostgresDatabase(url) };
    }
    const database = sqliteFile();
    copyFileSync(fileURLToPath(template), fileURLToPath(database.url));
    return database;
  },
}));

/** Points modules imported from here on at the database. */
export function useDatabase(url: string) {
  vi.stubEnv("DATABASE_URL", url);
  vi.resetModules();
}

/** Closes the database's client; lib/db keeps one across module reloads outside production. */
export async function leaveDatabase(db: { $disconnect: () => Promise<void> } | undefined) {
  await db?.$disconnect();
  delete (globalThis as { prisma?: unknown }).prisma;
  vi.unstubAllEnvs();
}
