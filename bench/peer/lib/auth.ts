import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/postgresql/client";

// Bastion's database and secret, so a session signed in on Bastion is one here too. better-auth as
// its guide sets it up: email and password, no plugins.
const url = process.env.DATABASE_URL ?? "file:./peer.db";
const postgres = url.startsWith("postgres");
const prisma = postgres
  ? (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient)
  : new PrismaClient({ adapter: new PrismaLibSQL({ url }) });

export const auth = betterAuth({
  database: prismaAdapter(prisma, { provider: postgres ? "postgresql" : "sqlite" }),
  emailAndPassword: { enabled: true },
  // The load comes from one address, many times a second; Bastion's bench scales its limits away too.
  rateLimit: { enabled: false },
});
