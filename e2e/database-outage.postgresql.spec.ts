import { expect, test } from "@playwright/test";
import { query } from "./fixtures/database";
import { newUserDetails } from "./fixtures";
import { Mailbox } from "./fixtures/mailbox";
import { seriousViolations } from "./support/axe";
import { colorSchemes } from "./support/pages";
import { spawnServerBehindLink, stop } from "./support/production-server";

async function health(baseURL: string) {
  const response = await fetch(`${baseURL}/api/health`);
  return { status: response.status, body: await response.json(), cacheControl: response.headers.get("cache-control") };
}

test.describe("when PostgreSQL goes away", () => {
  test("/api/health answers 503 while it is down, pages say so, sign-up writes nothing, and the app recovers", async ({ page }) => {
    test.setTimeout(120_000);
    // Rate limits live in the database this server shares with the suite's own, which has raised them.
    const server = await spawnServerBehindLink(test.info().project.name, { RATE_LIMIT_SCALE: "100" });
    const { link } = server;
    try {
      await expect.poll(() => health(server.baseURL).then((answer) => answer.status, () => 0), { timeout: 60_000 }).toBe(200);
      expect(await health(server.baseURL)).toEqual({ status: 200, body: { status: "ok", database: "ok" }, cacheControl: "no-store" });

      // Someone signed in, in the middle of a session, when the database goes away.
      const person = newUserDetails();
      const origin = { origin: server.baseURL };
      const signedUp = await page.request.post(`${server.baseURL}/api/auth/sign-up/email`, { data: person, headers: origin });
      expect(signedUp.ok(), await signedUp.text()).toBe(true);
      const verification = await new Mailbox().waitFor(person.email, /Verify your email/);
      await page.request.get(verification.link);
      const signedIn = await page.request.post(`${server.baseURL}/api/auth/sign-in/email`, { data: { email: person.email, password: person.password }, headers: origin });
      expect(signedIn.ok(), await signedIn.text()).toBe(true);
      await page.goto(`${server.baseURL}/account/profile`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profile");

      await link.down();
      expect(await health(server.baseURL)).toEqual({
        status: 503,
        body: { status: "unavailable", database: "unreachable" },
        cacheControl: "no-store",
      });

      const user = newUserDetails();
      const signUp = await fetch(`${server.baseURL}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.baseURL },
        body: JSON.stringify(user),
      });
      expect(signUp.status).toBeGreaterThanOrEqual(500);

      // Their account page cannot be rendered, and says so plainly instead of signing them out.
      await page.goto(`${server.baseURL}/account/profile`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Something went wrong on our side");
      await expect(page).toHaveTitle("Something went wrong · Bastion");
      for (const colorScheme of colorSchemes) {
        await page.emulateMedia({ colorScheme });
        expect(await seriousViolations(page), colorScheme).toEqual([]);
        for (const { label, width, height } of [{ label: "phone", width: 375, height: 812 }, { label: "desktop", width: 1280, height: 800 }]) {
          await page.setViewportSize({ width, height });
          await page.screenshot({ path: `screenshots/${test.info().project.name}/server-error-${label}-${colorScheme}.png` });
        }
      }

      await link.up();
      await expect.poll(() => health(server.baseURL).then((answer) => answer.status), { timeout: 20_000 }).toBe(200);
      // Back: "Try again" shows their page, still signed in.
      await page.getByRole("button", { name: "Try again" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profile");
      await expect(page.getByRole("main")).toContainText(person.email);
      expect(await query('select id from "user" where email = ?', [user.email])).toEqual([]);
      // The log names what failed, never the connection string with its credentials.
      expect(server.output()).toContain("health: database check failed");
      expect(server.output()).not.toContain(server.databaseUrl);
    } finally {
      await stop(server.child);
      await link.down();
    }
  });
});
