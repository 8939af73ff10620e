import { expect, test } from "./fixtures";
import { spawnServerBehindLink, stop } from "./support/production-server";

test("PostgreSQL dropping the idle connections of a server that has only read pages is one line in its log", async ({ signedInPage: page, user }) => {
  test.setTimeout(90_000);
  const server = await spawnServerBehindLink(test.info().project.name);
  const { link } = server;
  try {
    // Ready without asking /api/health, whose check goes through Prisma: the page's reads, which go
    // to the pool directly (lib/db.ts), are this server's first use of the database.
    await expect.poll(() => fetch(`${server.baseURL}/sign-in`).then((answer) => answer.status, () => 0), { timeout: 60_000 }).toBe(200);
    // Signed in on the suite's server; the cookie is the host's, and the database and secret the same.
    await page.goto(`${server.baseURL}/account/profile`);
    await expect(page.getByRole("main")).toContainText(user.email);

    await link.down();
    await expect.poll(() => server.output(), { timeout: 10_000 }).toContain("PostgreSQL closed an idle connection");
    expect(server.output()).not.toContain("uncaughtException");
    expect(server.child.exitCode).toBeNull();
  } finally {
    await stop(server.child);
    await link.down();
  }
});
