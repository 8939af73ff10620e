import { expect, type Page } from "@playwright/test";
import { ageSessions } from "../fixtures/database";
import type { TestUser } from "../fixtures";

/** The person's session is older than ten minutes, and they ask to sign out their other devices: the dialog opens. */
export async function openStepUpDialog(page: Page, user: TestUser) {
  await ageSessions(user.email, 11);
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Sign out other devices" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(dialog).toBeVisible();
  return dialog;
}
