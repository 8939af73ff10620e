import { ageSessions, query } from "../fixtures/database";
import { expect, test } from "../fixtures";

/**
 * The other side of step-up: the deletion mail's link is proof on its own (single use, one hour). It
 * must still work when it is opened half an hour after signing in, without asking to confirm again.
 */
test("the deletion link opened 30 minutes after signing in still schedules the deletion", async ({ signedInPage: page, user, mailbox }) => {
  await page.goto("/account/profile");
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete account" }).click();
  const mail = await mailbox.waitFor(user.email, /Confirm deleting your/);
  await ageSessions(user.email, 30);
  await page.goto(mail.link);
  await expect(page).toHaveURL(/\/goodbye\?scheduled=1$/);
  const [row] = await query<{ deletionScheduledAt: unknown }>('select "deletionScheduledAt" from "user" where email = ?', [user.email]);
  expect(row?.deletionScheduledAt).toBeTruthy();
});
