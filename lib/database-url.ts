// Shared by prisma.config.ts (the CLI), lib/env.ts and lib/db.ts (the app), so all of them open the
// same database the same way.
export const DEFAULT_DATABASE_URL = "file:./data/bastion.db";

/**
 * How long a connection to a local SQLite file waits for another one's write to finish before it
 * gives up with SQLITE_BUSY. libSQL's default is 0 and it pools several connections, so without
 * this two concurrent requests can fail each other.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * How long a request waits for a PostgreSQL connection before it fails. node-postgres waits forever
 * by default, so a database that went away would hang every request instead of failing it.
 */
export const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;

/**
 * How long a transaction may wait for its turn, and then run. Prisma gives up after 2 s by default;
 * libSQL runs one transaction at a time, and better-auth's sign-up hashes the password inside its
 * transaction, so 40 people signing up at once queue for longer than that. Waiting is what they
 * should do: a refusal would be a 500 for someone who did nothing wrong.
 */
export const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

/** The Prisma provider, and so the schema, client and migrations, that a database URL selects. */
export type DatabaseProvider = "sqlite" | "postgresql";

// libSQL opens local files (file:) and remote libSQL servers such as Turso (libsql:, https:, wss:).
const LIBSQL_PROTOCOLS = ["file:", "libsql:", "http:", "https:", "ws:", "wss:"];
const POSTGRES_PROTOCOLS = ["postgres:", "postgresql:"];

export const DATABASE_URL_HINT = "must start with file: or libsql: (SQLite, Turso) or postgres:// (PostgreSQL)";

/** The provider a URL selects, or undefined for a URL of no supported kind. */
export function providerOf(url: string): DatabaseProvider | undefined {
  const protocol = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase();
  if (protocol && POSTGRES_PROTOCOLS.includes(protocol)) return "postgresql";
  if (protocol && LIBSQL_PROTOCOLS.includes(protocol)) return "sqlite";
  return undefined;
}

export function databaseProvider(url: string): DatabaseProvider {
  const provider = providerOf(url);
  if (!provider) throw new Error(`DATABASE_URL ${DATABASE_URL_HINT}`);
  return provider;
}

/** Where each provider's schema and migrations live; prisma/schema.prisma is the one to edit. */
export const PRISMA_PATHS: Record<DatabaseProvider, { schema: string; migrations: string }> = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" },
};
