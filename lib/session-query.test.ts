import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leaveDatabase, testDatabases, useDatabase } from "@/lib/testing/databases";

describe.each(testDatabases)("on $name", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let context: Awaited<typeof import("@/lib/auth").auth.$context>;
  let findSessionInDatabase: typeof import("./session-query").findSessionInDatabase;
  let db: typeof import("@/lib/db").db;
  let getSignInMethods: typeof import("@/lib/account/connections").getSignInMethods;

  const zone = process.env.TZ;
  beforeAll(async () => {
    // Off UTC, so a date read back in the server's local time would be hours out.
    process.env.TZ = "America/New_York";
    database = await create();
    useDatabase(database.url);
    context = await (await import("@/lib/auth")).auth.$context;
    findSessionInDatabase = (await import("./session-query")).findSessionInDatabase;
    db = (await import("@/lib/db")).db;
    getSignInMethods = (await import("@/lib/account/connections")).getSignInMethods;
  }, 60_000);

  afterAll(async () => {
    await leaveDatabase(db);
    await database?.drop();
    process.env.TZ = zone;
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

    const { signInMethods, ...ours } = (await findSessionInDatabase(context, session.token))!;
    const theirs = await context.internalAdapter.findSession(session.token);
    expect(theirs).not.toBeNull();
    expect(ours).toStrictEqual(theirs);
    expect(signInMethods).toStrictEqual({ hasPassword: false, hasPasskey: false, connections: [] });
    expect(ours?.user).toMatchObject({ twoFactorEnabled: true, emailCodeEnabled: false, pendingEmail: "new@bastion.test" });
    expect(ours?.session.expiresAt).toBeInstanceOf(Date);
  });

  it("brings the person's sign-in methods, as getSignInMethods reads them, and no one else's", async () => {
    for (const id of ["grace", "alan"]) await db.user.create({ data: { id, name: id, email: `${id}@bastion.test` } });
    const account = (userId: string, providerId: string, createdAt: Date, password: string | null = null) =>
      db.account.create({ data: { id: `${userId}-${providerId}`, accountId: `${userId}-at-${providerId}`, providerId, userId, password, createdAt } });
    await account("grace", "oidc", new Date("2026-03-01T10:00:00Z"));
    await account("grace", "credential", new Date("2026-01-01T10:00:00Z"), "hash");
    await account("grace", "github", new Date("2026-02-01T10:00:00Z"));
    await db.passkey.create({ data: { id: "grace-key", publicKey: "key", userId: "grace", credentialID: "grace-credential", counter: 0, deviceType: "singleDevice", backedUp: false } });
    await account("alan", "gitlab", new Date("2026-01-01T10:00:00Z"));

    const session = await context.internalAdapter.createSession("grace");
    const found = await findSessionInDatabase(context, session.token);
    expect(found?.signInMethods).toStrictEqual({
      hasPassword: true,
      hasPasskey: true,
      connections: [
        { id: "grace-github", providerId: "github", provider: expect.any(String), accountName: "grace-at-github", linkedAt: new Date("2026-02-01T10:00:00Z") },
        { id: "grace-oidc", providerId: "oidc", provider: expect.any(String), accountName: "grace-at-oidc", linkedAt: new Date("2026-03-01T10:00:00Z") },
      ],
    });
    expect(found?.signInMethods).toStrictEqual(await getSignInMethods("grace"));
  });

  it("finds nothing for an unknown token, or once the account is deleted", async () => {
    expect(await findSessionInDatabase(context, "no-such-token")).toBeNull();
    const user = await db.user.create({ data: { id: "gone", name: "Gone", email: "gone@bastion.test" } });
    const session = await context.internalAdapter.createSession(user.id);
    await db.user.delete({ where: { id: user.id } });
    expect(await findSessionInDatabase(context, session.token)).toBeNull();
  });
});
