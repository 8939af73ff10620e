import type { Page } from "@playwright/test";
import { expect, otherDevice, test, type TestUser } from "../fixtures";

/**
 * Attack (on the owner's judgement): a security mail that says more than happened. After a password
 * change the owner reads whether other devices were signed out; if the mail says so while an intruder's
 * session lives on, the owner stops worrying too soon.
 */
async function changePassword(page: Page, user: TestUser, newPassword: string, signOutOthers: boolean) {
  await page.goto("/account/security");
  await page.getByRole("main").getByRole("button", { name: "Change password" }).click();
  const form = page.locator("form").filter({ has: page.getByLabel("Current password") });
  await form.getByLabel("Current password").fill(user.password);
  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("Confirm new password").fill(newPassword);
  await form.getByLabel("Sign out of other devices").setChecked(signOutOthers);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Password changed");
}

test("attack: a password-changed mail that claims the other devices were signed out", async ({ browser, signedInPage: page, user, mailbox }) => {
  const intruder = await otherDevice(browser, user);
  await changePassword(page, user, "kept other devices 1", false);
  const kept = await mailbox.waitFor(user.email, /Your password was changed/);
  expect(kept.text).not.toContain("Other devices were signed out");
  expect(kept.text).toContain("Devices that were signed in stay signed in");
  await intruder.reload();
  await expect(intruder.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();

  const seen = mailbox.all(user.email).length;
  await changePassword(page, { ...user, password: "kept other devices 1" }, "signed out others 2", true);
  const revoked = await mailbox.waitFor(user.email, /Your password was changed/, { after: seen });
  expect(revoked.text).toContain("Other devices were signed out");
  await intruder.reload();
  await expect(intruder).toHaveURL(/\/sign-in/);
});
