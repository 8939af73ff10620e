// Shared by prisma.config.ts (the CLI) and lib/env.ts (the app), so both open the same database.
export const DEFAULT_DATABASE_URL = "file:./data/bastion.db";

/**
 * How long a connection to a local SQLite file waits for another one's write to finish before it
 * gives up with SQLITE_BUSY. libSQL's default is 0 and it pools several connections, so without
 * this two concurrent requests can fail each other.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;
