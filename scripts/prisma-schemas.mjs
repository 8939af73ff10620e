#!/usr/bin/env node
// prisma/schema.prisma is the one description of the models. A Prisma schema names a single
// provider, so the PostgreSQL schema is derived from it here, never edited by hand:
//   node scripts/prisma-schemas.mjs          writes prisma/postgresql/schema.prisma
//   node scripts/prisma-schemas.mjs --check  fails if the committed copy differs from the source
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const SOURCE = "prisma/schema.prisma";
export const POSTGRES = "prisma/postgresql/schema.prisma";

const HEADER = `// GENERATED from ${SOURCE} by \`npm run db:schemas\`: edit that file, not this one.\n`;

/** Replaces exactly one occurrence, so a change to the source's layout fails loudly here. */
function replaceOnce(text, pattern, replacement) {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags}g`)) ?? [];
  if (matches.length !== 1) throw new Error(`${SOURCE}: expected one match of ${pattern}, found ${matches.length}`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL schema for a SQLite schema: same models, another provider and client folder. */
export function postgresSchema(sqliteSchema) {
  let schema = replaceOnce(sqliteSchema, /(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  schema = replaceOnce(schema, /(output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/postgresql"');
  // A relation read (a session with its user, a user with their sessions) as one statement, not one
  // per table; Prisma joins so on PostgreSQL only.
  schema = replaceOnce(schema, /(generator client \{\n)/, '$1  previewFeatures = ["relationJoins"]\n');
  return HEADER + schema;
}

function main() {
  const expected = postgresSchema(readFileSync(join(root, SOURCE), "utf8"));
  const target = join(root, POSTGRES);
  if (process.argv.includes("--check")) {
    let actual = "";
    try {
      actual = readFileSync(target, "utf8");
    } catch {}
    if (actual !== expected) {
      console.error(`${POSTGRES} is out of date with ${SOURCE}: run npm run db:schemas`);
      process.exit(1);
    }
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, expected);
  console.log(`wrote ${POSTGRES}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
