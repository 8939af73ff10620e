import "server-only";
import { expandConfig, isInMemoryConfig } from "@libsql/core/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "libsql";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/postgresql/client";
import { POSTGRES_CONNECT_TIMEOUT_MS, SQLITE_BUSY_TIMEOUT_MS, TRANSACTION_OPTIONS, databaseProvider } from "@/lib/database-url";
import { env } from "@/lib/env";

export const provider = databaseProvider(env.DATABASE_URL);

const log = env.DATABASE_LOG_QUERIES ? [{ emit: "stdout" as const, level: "query" as const }] : [];

/** A row as the driver hands it back: see `readRows`. */
export type Row = Record<string, unknown>;
type RowReader = (query: Prisma.Sql) => Promise<Row[]>;

/** For the query log that `DATABASE_LOG_QUERIES` turns on, in the same place as Prisma's lines. */
const logged = (text: string) => log.length > 0 && console.log(`prisma:query ${text}`);

function postgresDatabase() {
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS });
  // An idle connection the server drops is an "error" event, which unheard would end the process;
  // Prisma's adapter listens only once it has connected, and a page's reads may come first.
  pool.on("error", (error) => console.error(`PostgreSQL closed an idle connection: ${error.message}`));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  // Both clients come from the same models (scripts/prisma-schemas.mjs), so they share one API;
  // the SQLite client's types stand for both, and nothing here uses a PostgreSQL-only filter.
  const prisma = new PostgresPrismaClient({ adapter, log, transactionOptions: TRANSACTION_OPTIONS }) as unknown as PrismaClient;
  // Timestamps stay text, as in the JSON the relations arrive in: node-postgres would read them in
  // the server's local zone. Unnamed statements, as Prisma's adapter sends: a named one would be lost
  // behind a pooler in transaction mode (PgBouncer, Supavisor) when the next query lands elsewhere.
  const types = { getTypeParser: (oid: number, format?: "text" | "binary") => (oid === pg.types.builtins.TIMESTAMP ? String : pg.types.getTypeParser(oid, format)) };
  const readRows: RowReader = async ({ text, values }) => {
    logged(text);
    return (await pool.query({ text, values: values.map(postgresValue), types } as pg.QueryConfig)).rows;
  };
  return { prisma, readRows };
}

function sqliteDatabase() {
  const adapter = new PrismaLibSQL({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const prisma = new PrismaClient({ adapter, log, transactionOptions: TRANSACTION_OPTIONS });
  const config = expandConfig({ url: env.DATABASE_URL }, true);
  // A remote libSQL server (Turso) answers over the network whatever the client; Prisma's raw query
  // reaches it. An in-memory database would be another one on a second connection.
  if (config.scheme !== "file" || isInMemoryConfig(config)) return { prisma, readRows: ((query) => prisma.$queryRaw(query)) as RowReader };
  // A connection of our own to the same file keeps each statement prepared: @libsql/client prepares
  // it again on every call. In WAL mode a reader sees every write committed before it starts.
  let file: Database.Database | undefined;
  const statements = new Map<string, Database.Statement>();
  const readRows: RowReader = async ({ sql, values }) => {
    file ??= new Database(config.path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    let statement = statements.get(sql);
    if (!statement) {
      statement = file.prepare(sql);
      if (!statement.reader) throw new Error("readRows only reads");
      statements.set(sql, statement);
    }
    logged(sql);
    return statement.all(values.map(sqliteValue)) as Row[];
  };
  return { prisma, readRows };
}

/** A date as Prisma's PostgreSQL adapter writes it: UTC, without a zone (node-postgres would write local time). */
const postgresValue = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, -1) : value);

/** A parameter as Prisma's libSQL adapter writes it (dates as ISO 8601 text with the zone spelt out). */
const sqliteValue = (value: unknown) => (value instanceof Date ? value.toISOString().replace("Z", "+00:00") : typeof value === "boolean" ? Number(value) : value);

// Development reloads modules on every change; keep one client (and one connection pool) across reloads.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; readRows?: RowReader };

const database = globalForPrisma.prisma && globalForPrisma.readRows ? { prisma: globalForPrisma.prisma, readRows: globalForPrisma.readRows } : provider === "postgresql" ? postgresDatabase() : sqliteDatabase();

export const db = database.prisma;

/**
 * The rows of a raw read, straight from the driver Prisma's adapter uses, with each statement prepared
 * once: for the reads every page makes (the session, the lists in lib/relations.ts), Prisma's client
 * cost more than the statement itself. Columns come back as the driver has them: dates as text on
 * SQLite and in JSON (and as timestamps' text on PostgreSQL), SQLite's booleans as 0 and 1; read
 * them with `dateOf` and `booleanOf`.
 */
export const readRows = database.readRows;

if (!env.production) Object.assign(globalForPrisma, database);

// PostgreSQL writes a timestamp without its zone; Prisma keeps them in UTC.
export const dateOf = (value: unknown) =>
  value === null || value === undefined ? null : value instanceof Date ? value : new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(String(value)) ? String(value) : `${String(value)}Z`);

export const booleanOf = (value: unknown) => (value === null || value === undefined ? null : value === true || value === 1);

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
