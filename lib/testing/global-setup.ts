import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { createPostgresDatabase, dropPostgresDatabase, selectedDatabases } from "../../e2e/support/settings";

export type TestDatabase = { url: string; drop: () => Promise<void> };

export function sqliteFile(): TestDatabase {
  const folder = mkdtempSync(join(tmpdir(), "bastion-unit-"));
  return { url: `file:${join(folder, "test.db")}`, drop: async () => rmSync(folder, { recursive: true, force: true }) };
}

/** Migrates a database as `npm start` does. */
async function migrate(url: string) {
  await promisify(execFile)(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url } }).catch((error) => {
    throw new Error(`prisma migrate deploy failed on ${url}:\n${error.stderr}`);
  });
}

async function createTemplate(name: string): Promise<TestDatabase> {
  const database = name === "postgresql" ? await createPostgresDatabase().then((url) => ({ url, drop: () => dropPostgresDatabase(url) })) : sqliteFile();
  await migrate(database.url);
  return database;
}

/** Migrates one template per database, once per run; each test's database starts as a copy of it. */
export default async function setup(project: TestProject) {
  const templates = await Promise.all(selectedDatabases().map(async (name) => [name, await createTemplate(name)] as const));
  project.provide("databaseTemplates", Object.fromEntries(templates.map(([name, { url }]) => [name, url])));
  return async () => {
    for (const [, template] of templates) await template.drop();
  };
}
