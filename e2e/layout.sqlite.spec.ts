import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { accountPages, colorSchemes, publicPages } from "./support/pages";
import { showPictureAndPendingEmail } from "./support/profile-states";
import { walkSecondStepStates } from "./support/second-step-states";
import { walkSecurityStates } from "./support/security-states";
import { openStepUpDialog } from "./support/step-up-states";

// On one database only: the pictures and the overflow check read the markup, which is the same whichever database the data came from.

const viewports = [
  { label: "phone", width: 375, height: 812 },
  { label: "desktop", width: 1280, height: 800 },
] as const;

/** Saves a full-page picture under screenshots/ for people to look at, and checks nothing spills sideways. */
async function checkAndCapture(page: Page, name: string) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
  // With a modal open, the screen a person sees is the picture; a full-page one would show the backdrop cut off.
  const modalOpen = (await page.locator("dialog[open]").count()) > 0;
  await page.screenshot({ path: `screenshots/${test.info().project.name}/${name}.png`, fullPage: !modalOpen });
}

for (const colorScheme of colorSchemes) {
  for (const viewport of viewports) {
    test.describe(`${viewport.label}, ${colorScheme}`, () => {
      test.use({ colorScheme, viewport: { width: viewport.width, height: viewport.height } });

      for (const { name, path } of publicPages) {
        test(`${name} fits the screen`, async ({ page }) => {
          await page.goto(path);
          await checkAndCapture(page, `${name}-${colorScheme}-${viewport.label}`);
        });
      }

      for (const { name, path } of accountPages) {
        test(`${name} fits the screen`, async ({ signedInPage: page }) => {
          await page.goto(path);
          await checkAndCapture(page, `${name}-${colorScheme}-${viewport.label}`);
        });
      }

      test("a picture and a pending change of email address fit the screen", async ({ signedInPage: page, user }) => {
        await showPictureAndPendingEmail(page, user);
        await checkAndCapture(page, `profile-email-pending-${colorScheme}-${viewport.label}`);
      });

      test("the confirm-it's-you dialog fits the screen", async ({ signedInPage: page, user }) => {
        const dialog = await openStepUpDialog(page, user);
        await dialog.getByLabel("Password").fill("not my password");
        await dialog.getByRole("button", { name: "Confirm" }).click();
        await expect(dialog.getByRole("alert")).toBeVisible();
        await checkAndCapture(page, `step-up-${colorScheme}-${viewport.label}`);
      });

      test("every step of turning on two-factor fits the screen", async ({ signedInPage: page, user }) => {
        await walkSecurityStates(page, user, (state) => checkAndCapture(page, `${state}-${colorScheme}-${viewport.label}`));
      });

      test("codes by email, at the second step and in the step-up dialog, fit the screen", async ({ signedInPage: page, user }) => {
        await walkSecondStepStates(page, user, (on, state) => checkAndCapture(on, `${state}-${colorScheme}-${viewport.label}`));
      });
    });
  }
}
