#!/usr/bin/env node
// npm run db:migration -- <name>
// Writes the SQL that takes the schema of the last committed migration to prisma/schema.prisma as it
// is now, once for SQLite and once for PostgreSQL, under the same timestamped name. `prisma migrate
// dev` cannot do this with the JavaScript schema engine (its shadow database drops statements).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { POSTGRES, SOURCE, postgresSchema } from "./prisma-schemas.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name in snake_case>, e.g. add_security_events");
  process.exit(1);
}

const current = readFileSync(SOURCE, "utf8");
writeFileSync(POSTGRES, postgresSchema(current));

// The schema as of the last commit that touched a migration: what the committed migrations produce.
const lastMigrationCommit = execFileSync("git", ["log", "-1", "--format=%H", "--", "prisma/migrations"], { encoding: "utf8" }).trim();
const before = execFileSync("git", ["show", `${lastMigrationCommit}:${SOURCE}`], { encoding: "utf8" });

const work = mkdtempSync(join(tmpdir(), "bastion-migration-"));
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const providers = [
  { from: before, to: SOURCE, migrations: "prisma/migrations" },
  { from: postgresSchema(before), to: POSTGRES, migrations: "prisma/postgresql/migrations" },
];
// A diff of two schema files writes SQL for the files' provider and reads no database, but the CLI
// still opens the adapter of prisma.config.ts: give it a throwaway SQLite file rather than a server.
const url = `file:${join(work, "diff.db")}`;

const written = [];
for (const [index, { from, to, migrations }] of providers.entries()) {
  const beforePath = join(work, `before-${index}.prisma`);
  writeFileSync(beforePath, from);
  const folder = join(migrations, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  written.push(folder);
  const output = join(folder, "migration.sql");
  const result = spawnSync(
    "prisma",
    ["migrate", "diff", "--from-schema-datamodel", beforePath, "--to-schema-datamodel", to, "--script", "--output", output],
    { stdio: "inherit", shell: process.platform === "win32", env: { ...process.env, DATABASE_URL: url } },
  );
  if (result.status !== 0) {
    // An empty migration folder would stop `migrate deploy` (P3015); leave no half of the pair behind.
    for (const done of written) rmSync(done, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
  console.log(`wrote ${output}`);
}
console.log("Read both files, then run npm run db:generate and npm run db:migrate, and commit the schemas with the migrations.");
