import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leaveDatabase, testDatabases, useDatabase } from "@/lib/testing/databases";

describe.each(testDatabases)("one person's lists in one statement, on $name", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let db: typeof import("@/lib/db").db;
  let relations: typeof import("./relations");
  let sessions: typeof import("@/lib/account/sessions");
  let passkeys: typeof import("@/lib/account/passkeys");
  let apiKeys: typeof import("@/lib/account/api-keys");
  let activity: typeof import("@/lib/account/activity");

  const zone = process.env.TZ;
  beforeAll(async () => {
    // Off UTC, so a date read back in the server's local time would be hours out.
    process.env.TZ = "America/New_York";
    database = await create();
    useDatabase(database.url);
    db = (await import("@/lib/db")).db;
    relations = await import("./relations");
    sessions = await import("@/lib/account/sessions");
    passkeys = await import("@/lib/account/passkeys");
    apiKeys = await import("@/lib/account/api-keys");
    activity = await import("@/lib/account/activity");
  }, 60_000);

  afterAll(async () => {
    await leaveDatabase(db);
    await database?.drop();
    process.env.TZ = zone;
  });

  const hour = 60 * 60 * 1000;
  const now = Date.now();
  const at = (hoursFromNow: number) => new Date(now + hoursFromNow * hour);

  beforeAll(async () => {
    for (const id of ["ada", "grace", "alan"]) await db.user.create({ data: { id, name: id, email: `${id}@bastion.test` } });
    const session = (id: string, userId: string, updatedAt: Date, expiresAt: Date, extra: object = {}) =>
      db.session.create({ data: { id, token: `token-${id}`, userId, updatedAt, expiresAt, ...extra } });
    await session("ada-old", "ada", at(-5), at(24), { userAgent: "Firefox", ipAddress: "203.0.113.9", city: "Lyon", country: "FR", signedInAt: at(-6) });
    await session("ada-new", "ada", at(-1), at(24));
    await session("ada-expired", "ada", at(-2), at(-1));
    await session("grace-one", "grace", at(-1), at(24));

    const passkey = (id: string, backedUp: boolean, createdAt: Date | null, extra: object = {}) =>
      db.passkey.create({ data: { id, publicKey: "key", userId: "ada", credentialID: `credential-${id}`, counter: 0, deviceType: "singleDevice", backedUp, createdAt, ...extra } });
    await passkey("key-b", true, at(-48), { name: "Laptop", lastUsedAt: at(-3) });
    await passkey("key-a", false, at(-48), { aaguid: "fbfc3007-154e-4ecc-8c0b-6e020557d7bd" });

    const apiKey = (id: string, createdAt: Date, expiresAt: Date | null) =>
      db.apikey.create({ data: { id, key: `hash-${id}`, referenceId: "ada", createdAt, updatedAt: createdAt, expiresAt, name: id, permissions: '{"account":["read"]}' } });
    await apiKey("key-lasting", at(-10), null);
    await apiKey("key-dated", at(-20), at(100));
    await apiKey("key-ended", at(-30), at(-1));

    for (let i = 0; i < 12; i++) {
      await db.securityEvent.create({ data: { id: `event-${String(i).padStart(2, "0")}`, userId: "ada", type: "sign_in", createdAt: at(-i), sessionId: i === 0 ? "ada-new" : null } });
    }
    await db.securityEvent.create({ data: { id: "event-unknown", userId: "ada", type: "no_longer_recorded", createdAt: at(0) } });
    await db.securityEvent.create({ data: { id: "event-too-old", userId: "ada", type: "sign_in", createdAt: at(-24 * (activity.ACTIVITY_RETENTION_DAYS + 1)) } });
  });

  it("reads each list as Prisma reads the same rows: its filter, its order, and dates, booleans and nulls typed", async () => {
    const { selectOf, readRelations } = relations;
    const read = await readRelations("ada", {
      sessions: { relation: sessions.activeSessionsRelation },
      passkeys: { relation: passkeys.passkeysRelation },
      apiKeys: { relation: apiKeys.apiKeysRelation },
    });

    expect(read.sessions.map((row) => row.id)).toEqual(["ada-new", "ada-old"]);
    expect(read.sessions).toStrictEqual(
      await db.session.findMany({ where: { userId: "ada", expiresAt: { gt: new Date() } }, select: selectOf(sessions.activeSessionsRelation), orderBy: { updatedAt: "desc" } }),
    );
    expect(read.sessions[1]).toMatchObject({ userAgent: "Firefox", city: "Lyon", signedInAt: at(-6) });
    expect(read.sessions[0]).toMatchObject({ userAgent: null, signedInAt: null });

    // Same creation time: the id decides.
    expect(read.passkeys.map((row) => [row.id, row.backedUp])).toEqual([
      ["key-a", false],
      ["key-b", true],
    ]);
    expect(read.passkeys).toStrictEqual(await db.passkey.findMany({ where: { userId: "ada" }, select: selectOf(passkeys.passkeysRelation), orderBy: [{ createdAt: "asc" }, { id: "asc" }] }));

    expect(read.apiKeys.map((row) => row.id)).toEqual(["key-lasting", "key-dated"]);
    expect(read.apiKeys).toStrictEqual(
      await db.apikey.findMany({
        where: { referenceId: "ada", OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
        select: selectOf(apiKeys.apiKeysRelation),
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      }),
    );
  });

  it("reads a page of a list, and only the person's own rows", async () => {
    const { readRelations } = relations;
    const first = await readRelations("ada", { events: activity.securityActivityPage(1) });
    // A page and one more; events of a type no longer recorded, or past the retention, not at all.
    expect(first.events.map((row) => row.id)).toEqual(Array.from({ length: 11 }, (_, i) => `event-${String(i).padStart(2, "0")}`));
    expect(first.events[0]).toMatchObject({ sessionId: "ada-new", createdAt: at(0), detail: null });
    const second = await readRelations("ada", { events: activity.securityActivityPage(2) });
    expect(second.events.map((row) => row.id)).toEqual(["event-10", "event-11"]);

    const grace = await readRelations("grace", { sessions: { relation: sessions.activeSessionsRelation }, passkeys: { relation: passkeys.passkeysRelation } });
    expect(grace).toEqual({ sessions: [expect.objectContaining({ id: "grace-one" })], passkeys: [] });
    expect(await readRelations("nobody", { apiKeys: { relation: apiKeys.apiKeysRelation } })).toEqual({ apiKeys: [] });
  });
});
