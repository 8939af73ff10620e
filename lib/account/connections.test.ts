import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leaveDatabase, testDatabases, useDatabase } from "@/lib/testing/databases";

describe.each(testDatabases)("sign-in methods on $name", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let getSignInMethods: typeof import("./connections").getSignInMethods;
  let db: typeof import("@/lib/db").db;

  beforeAll(async () => {
    database = await create();
    useDatabase(database.url);
    getSignInMethods = (await import("./connections")).getSignInMethods;
    db = (await import("@/lib/db")).db;
  }, 60_000);

  afterAll(async () => {
    await leaveDatabase(db);
    await database?.drop();
  });

  const person = (id: string) => db.user.create({ data: { id, name: id, email: `${id}@bastion.test` } });
  const account = (userId: string, providerId: string, createdAt: Date, password: string | null = null) =>
    db.account.create({ data: { id: `${userId}-${providerId}`, accountId: `${userId}-at-${providerId}`, providerId, userId, password, createdAt } });

  it("reads a password, a passkey and the linked providers, oldest first", async () => {
    await person("ada");
    await account("ada", "oidc", new Date("2026-03-01T10:00:00Z"));
    await account("ada", "credential", new Date("2026-01-01T10:00:00Z"), "hash");
    await account("ada", "github", new Date("2026-02-01T10:00:00Z"));
    await db.passkey.create({ data: { id: "ada-key", publicKey: "key", userId: "ada", credentialID: "ada-credential", counter: 0, deviceType: "singleDevice", backedUp: false } });

    const methods = await getSignInMethods("ada");
    expect(methods.hasPassword).toBe(true);
    expect(methods.hasPasskey).toBe(true);
    expect(methods.connections.map(({ providerId, accountName, linkedAt }) => ({ providerId, accountName, linkedAt }))).toEqual([
      { providerId: "github", accountName: "ada-at-github", linkedAt: new Date("2026-02-01T10:00:00Z") },
      { providerId: "oidc", accountName: "ada-at-oidc", linkedAt: new Date("2026-03-01T10:00:00Z") },
    ]);
  });

  it("knows a credential account without a password, and a person with no account or passkey at all", async () => {
    await person("grace");
    await account("grace", "credential", new Date("2026-01-01T10:00:00Z"));
    expect(await getSignInMethods("grace")).toEqual({ hasPassword: false, hasPasskey: false, connections: [] });

    await person("alan");
    expect(await getSignInMethods("alan")).toEqual({ hasPassword: false, hasPasskey: false, connections: [] });
    expect(await getSignInMethods("nobody")).toEqual({ hasPassword: false, hasPasskey: false, connections: [] });
  });
});
