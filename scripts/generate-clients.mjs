#!/usr/bin/env node
// Generates one Prisma client per provider; lib/db.ts picks one by DATABASE_URL at run time.
// prisma.config.ts derives the provider from DATABASE_URL, so each run gets a URL of its kind
// (generate never connects to it); with a mismatched one the CLI tries to download a query engine.
import { spawnSync } from "node:child_process";

const clients = [
  { schema: "prisma/schema.prisma", url: "file:./data/bastion.db" },
  { schema: "prisma/postgresql/schema.prisma", url: "postgresql://localhost/bastion" },
];

for (const { schema, url } of clients) {
  const result = spawnSync("prisma", ["generate", "--schema", schema], {
    stdio: "inherit",
    shell: process.platform === "win32",
    env: { ...process.env, DATABASE_URL: url },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
