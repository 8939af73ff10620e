import { expect, test } from "@playwright/test";
import { newUserDetails } from "./fixtures";
import { query } from "./fixtures/database";
import { Mailbox } from "./fixtures/mailbox";
import { startServerOnOwnDatabase, stop } from "./support/production-server";

/**
 * Where sessions and sign-ins come from, read from the city database shipped with the app. The
 * suite's clients are all on loopback ("This network"); here a server behind a trusted proxy
 * (127.0.0.1) takes public addresses from X-Forwarded-For, as behind a load balancer. Its own
 * database; once, in the SQLite project, since nothing here depends on the suite's database.
 */

let server: Awaited<ReturnType<typeof startServerOnOwnDatabase>>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServerOnOwnDatabase({ TRUSTED_PROXIES: "127.0.0.1", RATE_LIMIT_SCALE: "100" });
});

test.afterAll(async () => {
  if (server) await stop(server.child);
});

// Addresses the shipped DB-IP file places in London and in Mountain View (lib/location.test.ts).
const LONDON = "81.2.69.142";
const MOUNTAIN_VIEW = "8.8.8.8";
const MOUNTAIN_VIEW_TOO = "8.8.4.4";

const from = (address: string) => ({ "content-type": "application/json", origin: server.baseURL, "x-forwarded-for": address });

async function signInFrom(address: string, person: { email: string; password: string }) {
  const answer = await fetch(`${server.baseURL}/api/auth/sign-in/email`, { method: "POST", headers: from(address), body: JSON.stringify({ email: person.email, password: person.password }) });
  expect(answer.status).toBe(200);
  return answer.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}

test("sessions, the activity list and the mails say where each sign-in came from; a new country gets a mail of its own", async ({ browser }) => {
  const mailbox = new Mailbox();
  const person = newUserDetails();
  await fetch(`${server.baseURL}/api/auth/sign-up/email`, { method: "POST", headers: from(LONDON), body: JSON.stringify(person) });
  const verification = await mailbox.waitFor(person.email, /Verify your email/);
  // Opening the link signs in: the account's first sign-in, from London, mails nothing.
  await fetch(verification.link, { redirect: "manual", headers: { "x-forwarded-for": LONDON } });

  await signInFrom(MOUNTAIN_VIEW, person);
  const notice = await mailbox.waitFor(person.email, /New sign-in from United States/);
  expect(notice.text).toContain("a country it has not been used from in the last 90 days");
  expect(notice.text).toContain("Location: Mountain View, United States");
  expect(notice.text).toContain(`IP address: ${MOUNTAIN_VIEW}`);
  expect(notice.text).toContain("Location data: IP Geolocation by DB-IP (https://db-ip.com)");
  expect(notice.html).toContain('<a href="https://db-ip.com">IP Geolocation by DB-IP</a>');
  // The mail's own link stays its first.
  expect(notice.link).toBe(`${server.baseURL}/forgot-password`);

  // Another sign-in from a country seen already, on the same browser: no mail.
  const mailsBefore = mailbox.all(person.email).length;
  const cookie = await signInFrom(MOUNTAIN_VIEW_TOO, person);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(mailbox.all(person.email)).toHaveLength(mailsBefore);

  const rows = await query<{ ipAddress: string; city: string; country: string }>(
    'select s."ipAddress", s.city, s.country from session s join "user" u on u.id = s."userId" where u.email = ? order by s."createdAt"',
    [person.email],
    server.databaseUrl,
  );
  expect(rows.map(({ ipAddress, city, country }) => ({ ipAddress, city, country }))).toEqual([
    { ipAddress: LONDON, city: "London", country: "GB" },
    { ipAddress: MOUNTAIN_VIEW, city: "Mountain View", country: "US" },
    { ipAddress: MOUNTAIN_VIEW_TOO, city: "Mountain View", country: "US" },
  ]);

  // The security page, as the last of those sessions (its address as the proxy forwards it).
  const context = await browser.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { "x-forwarded-for": MOUNTAIN_VIEW_TOO } });
  const [name, value] = cookie.split("; ").find((pair) => pair.includes("session_token"))!.split("=");
  await context.addCookies([{ name: name!, value: value!, url: server.baseURL }]);
  const page = await context.newPage();
  await page.goto("/account/security");
  const sessions = page.getByRole("main").getByRole("listitem", { name: /on / });
  await expect(sessions.filter({ hasText: LONDON })).toContainText("LocationLondon, United Kingdom");
  await expect(sessions.filter({ hasText: "This device" })).toContainText("LocationMountain View, United States");
  const activity = page.getByRole("list", { name: "Security activity, newest first" }).getByRole("listitem");
  await expect(activity.filter({ hasText: LONDON })).toContainText(`${LONDON} · London, United Kingdom`);
  await expect(page.getByRole("link", { name: "IP Geolocation by DB-IP" })).toHaveAttribute("href", "https://db-ip.com");
  await context.close();
});
