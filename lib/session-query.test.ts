import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leaveDatabase, testDatabases, useDatabase } from "@/lib/testing/databases";

describe.each(testDatabases)("on $name", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let context: Awaited<typeof import("@/lib/auth").auth.$context>;
  let findSessionInDatabase: typeof import("./session-query").findSessionInDatabase;
  let db: typeof import("@/lib/db").db;

  beforeAll(async () => {
    database = await create();
    useDatabase(database.url);
    context = await (await import("@/lib/auth")).auth.$context;
    findSessionInDatabase = (await import("./session-query")).findSessionInDatabase;
    db = (await import("@/lib/db")).db;
  }, 60_000);

  afterAll(async () => {
    await leaveDatabase(db);
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
