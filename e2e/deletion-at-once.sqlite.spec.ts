import { expect, test } from "@playwright/test";
import { newUserDetails } from "./fixtures";
import { query } from "./fixtures/database";
import { Mailbox } from "./fixtures/mailbox";
import { startServerOnOwnDatabase, stop } from "./support/production-server";

/**
 * DELETION_GRACE_DAYS=0: the deletion link deletes at once, as before there was a grace period. A
 * server of its own with that setting; once, in the SQLite project.
 */
test("without a grace period, the deletion link deletes the account at once", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await startServerOnOwnDatabase({ DELETION_GRACE_DAYS: "0", RATE_LIMIT_SCALE: "100" });
  try {
    const context = await browser.newContext({ baseURL: server.baseURL });
    const person = newUserDetails();
    const headers = { origin: server.baseURL };
    expect((await context.request.post("/api/auth/sign-up/email", { data: person, headers })).ok()).toBe(true);
    const mailbox = new Mailbox();
    await context.request.get((await mailbox.waitFor(person.email, /Verify your email/)).link, { maxRedirects: 0 });

    const page = await context.newPage();
    await page.goto("/account/profile");
    await expect(page.getByText("We email you a link to confirm.")).toBeVisible();
    expect((await context.request.post("/api/auth/delete-user", { data: {}, headers })).status()).toBe(200);
    const mail = await mailbox.waitFor(person.email, /Confirm deleting your/);
    expect(mail.text).toContain("Opening the link while signed in deletes the account and everything in it, for good.");
    await page.goto(mail.link);
    await expect(page).toHaveURL(/\/goodbye$/);
    await expect(page.getByRole("heading", { name: "Your account has been deleted" })).toBeVisible();
    expect(await query('select id from "user" where email = ?', [person.email], server.databaseUrl)).toEqual([]);
    await context.close();
  } finally {
    await stop(server.child);
  }
});
