import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase, selectedDatabases } from "@/e2e/support/settings";

// Real databases, migrated as `npm start` migrates them: a SQLite file, and a PostgreSQL database of
// the test's own on the browser tests' server (E2E_DATABASES=sqlite leaves it out, as there).
const databases = selectedDatabases().map((name) =>
  name === "sqlite"
    ? {
        name,
        create: async () => {
          const folder = mkdtempSync(join(tmpdir(), "bastion-session-"));
          return { url: `file:${join(folder, "test.db")}`, drop: async () => rmSync(folder, { recursive: true, force: true }) };
        },
      }
    : {
        name,
        create: async () => {
          const url = await createPostgresDatabase();
          return { url, drop: () => dropPostgresDatabase(url) };
        },
      },
);

describe.each(databases)("on $name", ({ create }) => {
  let database: { url: string; drop: () => Promise<void> };
  let context: Awaited<typeof import("@/lib/auth").auth.$context>;
  let findSessionInDatabase: typeof import("./session-query").findSessionInDatabase;
  let db: typeof import("@/lib/db").db;

  beforeAll(async () => {
    database = await create();
    const migrate = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8" });
    expect(migrate.status, migrate.stderr).toBe(0);
    vi.stubEnv("DATABASE_URL", database.url);
    vi.resetModules();
    context = await (await import("@/lib/auth")).auth.$context;
    findSessionInDatabase = (await import("./session-query")).findSessionInDatabase;
    db = (await import("@/lib/db")).db;
  }, 60_000);

  afterAll(async () => {
    await db?.$disconnect();
    // lib/db keeps its client across module reloads outside production; the next database needs its own.
    delete (globalThis as { prisma?: unknown }).prisma;
    vi.unstubAllEnvs();
    await database?.drop();
  });

  it("returns what better-auth's own findSession returns, field for field and type for type", async () => {
    const user = await db.user.create({
      data: {
        id: "ada",
        name: "Ada",
        email: "ada@bastion.test",
        emailVerified: true,
        twoFactorEnabled: true,
        preferredSecondFactor: "totp",
        pendingEmail: "new@bastion.test",
        pendingEmailExpiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    const session = await context.internalAdapter.createSession(user.id, false, { ipAddress: "203.0.113.7", userAgent: "Firefox" });

    const ours = await findSessionInDatabase(context, session.token);
    const theirs = await context.internalAdapter.findSession(session.token);
    expect(theirs).not.toBeNull();
    expect(ours).toStrictEqual(theirs);
    expect(ours?.user).toMatchObject({ twoFactorEnabled: true, emailCodeEnabled: false, pendingEmail: "new@bastion.test" });
    expect(ours?.session.expiresAt).toBeInstanceOf(Date);
  });

  it("finds nothing for an unknown token, or once the account is deleted", async () => {
    expect(await findSessionInDatabase(context, "no-such-token")).toBeNull();
    const user = await db.user.create({ data: { id: "gone", name: "Gone", email: "gone@bastion.test" } });
    const session = await context.internalAdapter.createSession(user.id);
    await db.user.delete({ where: { id: user.id } });
    expect(await findSessionInDatabase(context, session.token)).toBeNull();
  });
});
