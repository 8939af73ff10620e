import { expect, type Page } from "@playwright/test";
import { sameOrigin, type TestUser } from "../fixtures";
import { freshTotpCode, readBackupCodes, trustAnotherDevice } from "../fixtures/two-factor";

/**
 * Walks the security page through the states a person sees while turning on two-factor
 * authentication, calling `visit` at each: for checks that apply to every state (axe, layout).
 */
export async function walkSecurityStates(page: Page, user: TestUser, visit: (state: string) => Promise<void>) {
  await page.goto("/account/security");
  await page.getByRole("main").getByRole("button", { name: "Change password" }).click();
  await page.getByRole("main").getByLabel("Current password").fill("x");
  await page.getByRole("main").getByLabel("New password", { exact: true }).fill("short");
  await page.getByRole("main").getByLabel("Confirm new password").fill("short");
  await page.getByRole("main").getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("main").getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await visit("security-password-errors");

  // A second sign-in: the page now runs on it, and the first one is offered "This wasn't me".
  const again = await page.request.post("/api/auth/sign-in/email", { data: { email: user.email, password: user.password }, headers: sameOrigin() });
  expect(again.ok()).toBe(true);
  await page.reload();
  await page.getByRole("button", { name: /This wasn't me/ }).first().click();
  const report = page.getByRole("dialog", { name: "Secure your account" });
  await expect(report.getByRole("button", { name: "Sign out everywhere" })).toBeVisible();
  await visit("security-report-sign-in-dialog");
  await report.getByRole("button", { name: "Cancel" }).click();
  await expect(report).toBeHidden();

  await page.reload();
  await page.getByRole("button", { name: "Enable two-factor authentication" }).click();
  const passwordDialog = page.getByRole("dialog", { name: "Enable two-factor authentication" });
  await passwordDialog.getByLabel("Password").fill(user.password);
  await passwordDialog.getByRole("button", { name: "Continue" }).click();
  const scan = page.getByRole("dialog", { name: "Scan the QR code" });
  await expect(scan.getByTestId("totp-secret")).not.toBeEmpty();
  await visit("security-scan-dialog");

  const secret = (await scan.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await scan.getByLabel("6-digit code").fill(await freshTotpCode(secret));
  await scan.getByRole("button", { name: "Verify" }).click();
  const saved = page.getByRole("dialog", { name: "Save your backup codes" });
  const [backupCode] = await readBackupCodes(saved);
  await visit("security-backup-codes-dialog");

  await saved.getByLabel("I have saved these codes").check();
  await saved.getByRole("button", { name: "Done" }).click();
  await expect(page.getByText("10 backup codes left.")).toBeVisible();
  await visit("security-two-factor-on");

  const trusted = await trustAnotherDevice(page.context().browser()!, sameOrigin().origin, user, backupCode!);
  await trusted.close();
  await page.reload();
  await expect(page.getByRole("list", { name: "Trusted devices" }).getByRole("listitem")).toHaveCount(1);
  await visit("security-trusted-devices");

  const keys = page.locator("#api-keys");
  await keys.getByRole("button", { name: "Create an API key" }).click();
  await keys.getByLabel("Name", { exact: true }).fill("Nightly backup");
  await visit("security-api-key-form");
  await keys.getByRole("button", { name: "Create key" }).click();
  await expect(keys.getByTestId("new-api-key")).toHaveText(/^bastion_/);
  await expect(keys.getByRole("listitem", { name: "Nightly backup" })).toBeVisible();
  await visit("security-api-key-created");
}
