import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leaveDatabase, testDatabases, useDatabase } from "@/lib/testing/databases";

describe.each(testDatabases)("the purge of accounts past their deletion date, on $name", ({ create }) => {
  let database: Awaited<ReturnType<typeof create>>;
  let deletion: typeof import("./deletion");
  let db: typeof import("@/lib/db").db;

  beforeAll(async () => {
    database = await create();
    useDatabase(database.url);
    deletion = await import("./deletion");
    db = (await import("@/lib/db")).db;
  }, 60_000);

  afterAll(async () => {
    await leaveDatabase(db);
    await database?.drop();
  });

  async function person(id: string, deletionScheduledAt: Date | null) {
    await db.user.create({ data: { id, name: id, email: `${id}@bastion.test`, deletionScheduledAt } });
    await db.session.create({ data: { id: `${id}-session`, token: `${id}-token`, userId: id, expiresAt: new Date(Date.now() + 86_400_000) } });
    await db.account.create({ data: { id: `${id}-account`, accountId: id, providerId: "credential", userId: id, password: "hash" } });
  }

  const rowsOf = async (id: string) => ({
    user: await db.user.count({ where: { id } }),
    session: await db.session.count({ where: { userId: id } }),
    account: await db.account.count({ where: { userId: id } }),
  });

  it("deletes each due account whole and leaves the others", async () => {
    await person("due", new Date(Date.now() - 60_000));
    await person("later", new Date(Date.now() + 86_400_000));
    await person("kept", null);
    expect(await deletion.purgeScheduledDeletions()).toEqual({ deleted: 1, failed: 0 });
    expect(await rowsOf("due")).toEqual({ user: 0, session: 0, account: 0 });
    expect(await rowsOf("later")).toEqual({ user: 1, session: 1, account: 1 });
    expect(await rowsOf("kept")).toEqual({ user: 1, session: 1, account: 1 });
  });

  it("deletes nothing of an account kept after the purge read it: the transaction goes whole or not at all", async () => {
    const readAt = new Date();
    await person("kept-meanwhile", new Date(Date.now() - 60_000));
    // Keep my account, between the purge's read and its transaction.
    await db.user.update({ where: { id: "kept-meanwhile" }, data: { deletionScheduledAt: null } });
    await expect(deletion.deleteAccountData("kept-meanwhile", { dueBy: readAt })).rejects.toMatchObject({ code: "P2025" });
    expect(await rowsOf("kept-meanwhile")).toEqual({ user: 1, session: 1, account: 1 });
  });
});
