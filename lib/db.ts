import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/postgresql/client";
import { POSTGRES_CONNECT_TIMEOUT_MS, SQLITE_BUSY_TIMEOUT_MS, TRANSACTION_OPTIONS, databaseProvider } from "@/lib/database-url";
import { env } from "@/lib/env";

export const provider = databaseProvider(env.DATABASE_URL);

const log = env.DATABASE_LOG_QUERIES ? [{ emit: "stdout" as const, level: "query" as const }] : [];

function createPrismaClient(): PrismaClient {
  if (provider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS });
    // Both clients come from the same models (scripts/prisma-schemas.mjs), so they share one API;
    // the SQLite client's types stand for both, and nothing here uses a PostgreSQL-only filter.
    return new PostgresPrismaClient({ adapter, log, transactionOptions: TRANSACTION_OPTIONS }) as unknown as PrismaClient;
  }
  const adapter = new PrismaLibSQL({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter, log, transactionOptions: TRANSACTION_OPTIONS });
}

// Development reloads modules on every change; keep one client (and one connection pool) across reloads.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db = globalForPrisma.prisma ?? createPrismaClient();

if (!env.production) globalForPrisma.prisma = db;

/**
 * Write-ahead logging for a local SQLite file (a setting the file keeps). In the default rollback
 * journal a writer waiting for readers to finish blocks every other write, and a transaction that
 * read before it writes fails at once (SQLITE_BUSY) when it meets such a writer; in WAL mode readers
 * and the writer no longer wait on each other.
 */
export async function prepareDatabase() {
  if (provider !== "sqlite" || !env.DATABASE_URL.startsWith("file:")) return;
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
}
