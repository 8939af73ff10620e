// First, before the CLI starts its engine: a finished command exits at once.
import "./scripts/prisma-cli-exits-when-done.mjs";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadEnvConfig } from "@next/env";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import {
  DEFAULT_DATABASE_URL,
  POSTGRES_CONNECT_TIMEOUT_MS,
  PRISMA_PATHS,
  SQLITE_BUSY_TIMEOUT_MS,
  databaseProvider,
} from "./lib/database-url";

// With a config file the Prisma CLI skips .env; read the same .env files, in the same order, as Next.
loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");

// The schema's datasource reads DATABASE_URL; without a value the CLI falls back to downloading a
// query engine, which cannot be fetched offline. The embedded database is the default.
process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
const url = process.env.DATABASE_URL;
// DATABASE_URL alone chooses the provider: its schema, its migrations and its driver adapter.
const provider = databaseProvider(url);

// libSQL creates the database file but not its folder.
if (url.startsWith("file:")) {
  const path = url.startsWith("file://") ? fileURLToPath(url) : url.slice("file:".length);
  mkdirSync(dirname(path), { recursive: true });
}

export default defineConfig({
  // Prisma's JavaScript schema engine runs migrations through the driver adapter: no binary to download.
  experimental: { adapter: true },
  engine: "js",
  schema: PRISMA_PATHS[provider].schema,
  migrations: { path: PRISMA_PATHS[provider].migrations },
  async adapter() {
    if (provider === "postgresql") {
      // An idle connection does not keep a finished command running (scripts/prisma-cli-exits-when-done.mjs).
      return new PrismaPg({ connectionString: url, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS, allowExitOnIdle: true });
    }
    return new PrismaLibSQL({ url, authToken: process.env.DATABASE_AUTH_TOKEN || undefined, timeout: SQLITE_BUSY_TIMEOUT_MS });
  },
});
