import { expect, test } from "./fixtures";
import { appFor, E2E_SECRET, e2eSettings, freePort } from "./support/settings";
import { spawnProductionServer, stop } from "./support/production-server";
import { TcpLink } from "./support/tcp-link";

test("PostgreSQL dropping the idle connections of a server that has only read pages is one line in its log", async ({ signedInPage: page, user }) => {
  test.setTimeout(90_000);
  const direct = new URL(appFor(test.info().project.name).databaseUrl);
  const link = new TcpLink(await freePort(), { host: direct.hostname, port: Number(direct.port || 5432) });
  const relayed = new URL(direct);
  relayed.port = String(link.port);
  relayed.hostname = "127.0.0.1";
  await link.up();

  const port = await freePort();
  const server = await spawnProductionServer(
    {
      DATABASE_URL: relayed.toString(),
      BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
      BETTER_AUTH_SECRET: E2E_SECRET,
      SMTP_URL: `smtp://127.0.0.1:${e2eSettings().smtpPort}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    port,
  );
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
