import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { Redis } from "ioredis";
import { newUserDetails, type TestUser } from "./fixtures";
import { query } from "./fixtures/database";
import { Mailbox } from "./fixtures/mailbox";
import { seriousViolations } from "./support/axe";
import { colorSchemes } from "./support/pages";
import { spawnProductionServer, stop } from "./support/production-server";
import { appFor, E2E_SECRET, e2eSettings, freePort } from "./support/settings";
import { TcpLink } from "./support/tcp-link";

/**
 * Several instances behind a load balancer, as Vercel and a scaled-out Docker deployment run: each
 * test starts production servers of its own on the suite's PostgreSQL database and one Redis.
 */

const REDIS_URL = process.env.E2E_REDIS_URL || "redis://127.0.0.1:6379";

type Instance = Awaited<ReturnType<typeof startInstance>>;
type Answer = { status: number; body: { error?: { code: string; message: string } } & Record<string, unknown>; cookie: string; headers: Headers };

/** A production server with REDIS_URL set; the key prefix keeps each test's keys apart from every other's. */
async function startInstance(redisUrl: string, keyPrefix: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const server = await spawnProductionServer(
    {
      DATABASE_URL: appFor(test.info().project.name).databaseUrl,
      BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
      BETTER_AUTH_SECRET: E2E_SECRET,
      SMTP_URL: `smtp://127.0.0.1:${e2eSettings().smtpPort}`,
      NEXT_TELEMETRY_DISABLED: "1",
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: keyPrefix,
      ...env,
    },
    port,
  );
  await expect
    .poll(() => fetch(`${server.baseURL}/api/health`).then((answer) => answer.status, () => 0), { timeout: 60_000, message: "the instance answers /api/health" })
    .toBe(200)
    .catch((error: Error) => {
      throw new Error(`${error.message}\n--- its output ---\n${server.output()}`);
    });
  return server;
}

type Call = { cookie?: string; json?: unknown; headers?: Record<string, string> };

async function send(instance: Instance, method: string, path: string, { cookie, json, headers = {} }: Call = {}): Promise<Answer> {
  const response = await fetch(`${instance.baseURL}${path}`, {
    method,
    headers: { origin: instance.baseURL, ...(cookie ? { cookie } : {}), ...(json !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : undefined,
    redirect: "manual",
  });
  const text = await response.text();
  const setCookie = response.headers
    .getSetCookie()
    .map((pair) => pair.split(";")[0]!)
    .filter((pair) => pair.split("=")[1])
    .join("; ");
  return { status: response.status, body: text.startsWith("{") ? JSON.parse(text) : {}, cookie: setCookie, headers: response.headers };
}

async function signUp(instance: Instance, person: TestUser) {
  expect((await send(instance, "POST", "/api/auth/sign-up/email", { json: person })).status).toBe(200);
  const mail = await new Mailbox().waitFor(person.email, /Verify your email/);
  expect((await fetch(mail.link, { redirect: "manual" })).status).toBe(302);
}

async function signIn(instance: Instance, person: TestUser) {
  const answer = await send(instance, "POST", "/api/auth/sign-in/email", { json: { email: person.email, password: person.password } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.cookie;
}

/** Screenshots in both colour schemes, phone and desktop, and no serious accessibility problem in either scheme. */
async function lookAt(page: Page, name: string) {
  for (const colorScheme of colorSchemes) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), colorScheme).toEqual([]);
    for (const { label, width, height } of [{ label: "phone", width: 375, height: 812 }, { label: "desktop", width: 1280, height: 800 }]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `screenshots/${test.info().project.name}/${name}-${label}-${colorScheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
}

const profileOf = async (instance: Instance, cookie: string) => send(instance, "GET", "/api/auth/users/me", { cookie });

async function withRedis<T>(run: (redis: Redis) => Promise<T>) {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect().catch((error: Error) => {
      throw new Error(`These tests need Redis at ${REDIS_URL} (${error.message}): start redis-server, or point E2E_REDIS_URL at one.`);
    });
    return await run(redis);
  } finally {
    redis.disconnect();
  }
}

test.describe("two instances on one database and one Redis", () => {
  test.describe.configure({ mode: "serial" });
  const keyPrefix = `bastion-e2e-${randomUUID().slice(0, 8)}:`;
  let a: Instance;
  let b: Instance;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    await withRedis((redis) => redis.ping());
    // Real limits, tripled so that the earlier test's sign-ins and step-up leave room in the window.
    [a, b] = await Promise.all([startInstance(REDIS_URL, keyPrefix, { RATE_LIMIT_SCALE: "3" }), startInstance(REDIS_URL, keyPrefix, { RATE_LIMIT_SCALE: "3" })]);
  });

  test.afterAll(async () => {
    await Promise.all([a && stop(a.child), b && stop(b.child)]);
    await withRedis(async (redis) => {
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    });
  });

  test("a change on one is what the other shows, and a session ended on one is refused by the other on its next request", async () => {
    const person = newUserDetails();
    await signUp(a, person);
    const laptop = await signIn(a, person);
    const phone = await signIn(b, person);

    // A session begun on one instance is known to the other.
    expect((await profileOf(b, laptop)).status).toBe(200);

    // A new name (better-auth's write) and a pending change of address (ours) show on the other.
    expect((await send(a, "PUT", "/api/auth/users/me", { cookie: laptop, json: { name: "Renamed On A" } })).status).toBe(200);
    expect((await profileOf(b, phone)).body.name).toBe("Renamed On A");
    const newEmail = `moved-${randomUUID().slice(0, 8)}@bastion.test`;
    expect((await send(a, "PUT", "/api/auth/users/me/email", { cookie: laptop, json: { newEmail } })).status).toBe(202);
    const profilePage = await (await fetch(`${b.baseURL}/account/profile`, { headers: { cookie: phone } })).text();
    expect(profilePage.includes(newEmail), "the other instance's profile page shows the pending address").toBe(true);

    // The laptop ends the phone's session; the phone's next request, on the other instance, is refused.
    const sessions = (await send(a, "GET", "/api/auth/users/me/sessions", { cookie: laptop })).body.sessions as { id: string; current: boolean }[];
    const phoneSession = sessions.find((session) => !session.current)!;
    expect((await send(a, "DELETE", `/api/auth/users/me/sessions/${phoneSession.id}`, { cookie: laptop })).status).toBe(204);
    expect((await profileOf(b, phone)).status).toBe(401);
    expect((await profileOf(a, phone)).status).toBe(401);

    // Signing out on one instance ends the session on both.
    const tablet = await signIn(b, person);
    expect((await send(b, "POST", "/api/auth/sign-out", { cookie: tablet, json: {} })).status).toBe(200);
    expect((await profileOf(a, tablet)).status).toBe(401);

    // "Sign out of other devices" on one instance reaches the sessions the other began (and the one
    // the verification link opened).
    const desktop = await signIn(b, person);
    expect((await send(a, "DELETE", "/api/auth/users/me/sessions", { cookie: laptop })).body).toEqual({ revoked: 2 });
    expect((await profileOf(b, desktop)).status).toBe(401);
    expect((await profileOf(b, laptop)).status).toBe(200);

    // The account deleted through one instance: the other refuses its last session at once.
    const stepUp = await send(a, "POST", "/api/auth/users/me/step-up", { cookie: laptop, json: { password: person.password } });
    expect(stepUp.status).toBe(200);
    // Scheduled for deletion: every session ends at once.
    expect((await send(a, "DELETE", "/api/auth/users/me", { cookie: laptop, headers: { "x-step-up-token": stepUp.body.token as string } })).status).toBe(202);
    expect((await profileOf(b, laptop)).status).toBe(401);
  });

  test("a limit reached on one holds on the other, and the counters are in Redis, not in the database", async () => {
    const person = newUserDetails();
    await signUp(a, person);
    const cookie = await signIn(a, person);
    const userId = (await profileOf(a, cookie)).body.id as string;

    // Five wrong passwords at step-up, spread over both: the sixth try is refused even with the right one.
    for (const instance of [a, b, a, b, a]) {
      expect((await send(instance, "POST", "/api/auth/users/me/step-up", { cookie, json: { password: "not the password" } })).status).toBe(403);
    }
    const locked = await send(b, "POST", "/api/auth/users/me/step-up", { cookie, json: { password: person.password } });
    expect(locked.status).toBe(429);
    expect(locked.body.error?.message).toContain("Too many wrong attempts");

    // Wrong passwords at sign-in from one address, on one instance until it refuses; the other refuses too.
    let tries = 0;
    while ((await send(a, "POST", "/api/auth/sign-in/email", { json: { email: person.email, password: "wrong" } })).status !== 429) {
      expect(++tries).toBeLessThan(20);
    }
    const refused = await send(b, "POST", "/api/auth/sign-in/email", { json: { email: person.email, password: person.password } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);

    expect(await query('select key from counter where key like ?', [`%${userId}%`])).toEqual([]);
    await withRedis(async (redis) => {
      expect(await redis.exists(`${keyPrefix}counter:failures:step-up:${userId}`)).toBe(1);
    });
  });
});

test.describe("when Redis goes away", () => {
  test("sign-in and account changes answer 503 and change nothing, /api/health names Redis, and the app recovers", async ({ page }) => {
    test.setTimeout(120_000);
    await withRedis((redis) => redis.ping());
    const target = new URL(REDIS_URL);
    const link = new TcpLink(await freePort(), { host: target.hostname, port: Number(target.port || 6379) });
    await link.up();
    const relayed = new URL(REDIS_URL);
    relayed.hostname = "127.0.0.1";
    relayed.port = String(link.port);
    const keyPrefix = `bastion-e2e-${randomUUID().slice(0, 8)}:`;
    const server = await startInstance(relayed.toString(), keyPrefix, { RATE_LIMIT_SCALE: "100" });
    try {
      expect(await (await fetch(`${server.baseURL}/api/health`)).json()).toEqual({ status: "ok", database: "ok", redis: "ok" });
      const person = newUserDetails();
      await signUp(server, person);
      const cookie = await signIn(server, person);
      await page.context().addCookies(
        cookie.split("; ").map((pair) => ({ name: pair.split("=")[0]!, value: pair.slice(pair.indexOf("=") + 1), url: server.baseURL })),
      );
      await page.goto(`${server.baseURL}/account/profile`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profile");

      await link.down();
      await expect.poll(() => fetch(`${server.baseURL}/api/health`).then((answer) => answer.status)).toBe(503);
      expect(await (await fetch(`${server.baseURL}/api/health`)).json()).toEqual({ status: "unavailable", database: "ok", redis: "unreachable" });

      const unavailable = { code: "SERVICE_UNAVAILABLE", message: expect.stringContaining("Try again in a minute") };
      const signInDuringOutage = await send(server, "POST", "/api/auth/sign-in/email", { json: { email: person.email, password: person.password } });
      expect(signInDuringOutage.status).toBe(503);
      expect(signInDuringOutage.body.error).toEqual(unavailable);
      expect(signInDuringOutage.headers.get("retry-after")).toBe("30");
      const rename = await send(server, "PUT", "/api/auth/users/me", { cookie, json: { name: "Renamed During Outage" } });
      expect(rename.status).toBe(503);
      expect(rename.body.error).toEqual(unavailable);
      const stranger = newUserDetails();
      expect((await send(server, "POST", "/api/auth/sign-up/email", { json: stranger })).status).toBe(503);

      // The form says so in words, and nothing is written.
      const main = page.getByRole("main");
      await main.getByRole("button", { name: "Edit" }).click();
      await main.getByLabel("Name").fill("Renamed From The Form");
      await main.getByRole("button", { name: "Save" }).click();
      await expect(main).toContainText("the session store is not answering");
      await lookAt(page, "redis-outage-name-form");
      // A page drawn while Redis is away says plainly that it could not be, and signs nobody out.
      await page.reload();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Something went wrong on our side");
      expect(await query('select name from "user" where email = ?', [person.email])).toEqual([{ name: person.name }]);
      expect(await query('select id from "user" where email = ?', [stranger.email])).toEqual([]);

      await link.up();
      await expect.poll(() => fetch(`${server.baseURL}/api/health`).then((answer) => answer.status), { timeout: 20_000 }).toBe(200);
      // Back by itself: the page, the same session, and a new sign-in.
      await page.getByRole("button", { name: "Try again" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profile");
      expect((await send(server, "PUT", "/api/auth/users/me", { cookie, json: { name: "Renamed After" } })).status).toBe(200);
      await signIn(server, person);
      expect(server.output()).toContain("redis: not answering");
      expect(server.output()).not.toContain(relayed.toString());
    } finally {
      await stop(server.child);
      await link.down();
      await withRedis(async (redis) => {
        const keys = await redis.keys(`${keyPrefix}*`);
        if (keys.length > 0) await redis.del(...keys);
      });
    }
  });
});
