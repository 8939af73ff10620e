import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { SQLITE_BUSY_TIMEOUT_MS } from "@/lib/database-url";
import { env } from "@/lib/env";

function createPrismaClient() {
  return new PrismaClient({ adapter: new PrismaLibSQL({ url: env.DATABASE_URL, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
}

// Development reloads modules on every change; keep one client (and one connection) across reloads.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db = globalForPrisma.prisma ?? createPrismaClient();

if (!env.production) globalForPrisma.prisma = db;
