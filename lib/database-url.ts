// Shared by prisma.config.ts (the CLI) and lib/env.ts (the app), so both open the same database.
export const DEFAULT_DATABASE_URL = "file:./data/bastion.db";
