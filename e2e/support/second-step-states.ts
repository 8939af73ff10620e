import { expect, type Page } from "@playwright/test";
import { ageSessions } from "../fixtures/database";
import { waitForHydration, type TestUser } from "../fixtures";
import { enableTwoFactor, signInWithPassword, turnOnEmailCodes } from "../fixtures/two-factor";

/**
 * Walks the second step of signing in, and the step-up dialog, for an account with codes by email on,
 * calling `visit` with the page each state is on: for checks that apply to every state (axe, layout).
 */
export async function walkSecondStepStates(page: Page, user: TestUser, visit: (on: Page, state: string) => Promise<void>) {
  await enableTwoFactor(page, user);
  await turnOnEmailCodes(page);
  await visit(page, "security-email-codes-on");

  // The step-up dialog, on a stale session, with the code coming by email.
  await ageSessions(user.email, 11);
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Sign out other devices" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await dialog.getByRole("button", { name: "Use a code by email instead" }).click();
  await dialog.getByRole("button", { name: "Email me a code" }).click();
  await expect(dialog.getByRole("button", { name: "Send a new code" })).toBeVisible();
  await visit(page, "step-up-email-code");

  // Another browser, looking as this one does.
  const colorScheme = await page.evaluate(() => (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"));
  const context = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin, colorScheme, viewport: page.viewportSize() });
  const second = await context.newPage();
  await signInWithPassword(second, user);
  await expect(second).toHaveURL(/\/two-factor/);
  await waitForHydration(second);
  await second.getByRole("button", { name: "Use another method" }).click();
  await expect(second.getByRole("button", { name: /Code by email/ })).toBeVisible();
  await visit(second, "two-factor-choose-method");
  await second.getByRole("button", { name: /Code by email/ }).click();
  await second.getByRole("button", { name: "Email me a code" }).click();
  await expect(second.getByLabel("Code from the email")).toBeVisible();
  await visit(second, "two-factor-email-code");
  await context.close();
}
