import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { seriousViolations } from "./support/axe";
import { accountPages, colorSchemes, publicPages } from "./support/pages";
import { showPictureAndPendingEmail } from "./support/profile-states";
import { walkSecondStepStates } from "./support/second-step-states";
import { walkSecurityStates } from "./support/security-states";
import { openStepUpDialog } from "./support/step-up-states";

// On one database only: the pictures, the overflow check and axe read the markup, which is the same
// whichever database the data came from.

const viewports = [
  { label: "phone", width: 375, height: 812 },
  { label: "desktop", width: 1280, height: 800 },
] as const;

/**
 * At each width: checks nothing spills sideways and saves a full-page picture under screenshots/ for
 * people to look at; then, at the widest, what axe finds serious or critical. One walk through the
 * states serves both, so each state is reached once per colour scheme.
 */
async function checkAndCapture(page: Page, name: string) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const viewport of viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `the page scrolls sideways at ${viewport.width} px`).toBeLessThanOrEqual(0);
    // With a modal open, the screen a person sees is the picture; a full-page one would show the backdrop cut off.
    const modalOpen = (await page.locator("dialog[open]").count()) > 0;
    await page.screenshot({ path: `screenshots/${test.info().project.name}/${name}-${viewport.label}.png`, fullPage: !modalOpen });
  }
  expect(await seriousViolations(page), name).toEqual([]);
}

for (const colorScheme of colorSchemes) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    for (const { name, path } of publicPages) {
      test(`${name} fits the screen and has no serious or critical problem`, async ({ page }) => {
        await page.goto(path);
        await checkAndCapture(page, `${name}-${colorScheme}`);
      });
    }

    for (const { name, path } of accountPages) {
      test(`${name} fits the screen and has no serious or critical problem`, async ({ signedInPage: page }) => {
        await page.goto(path);
        await checkAndCapture(page, `${name}-${colorScheme}`);
      });
    }

    test("a picture and a pending change of email address fit the screen and have no serious or critical problem", async ({ signedInPage: page, user }) => {
      await showPictureAndPendingEmail(page, user);
      await checkAndCapture(page, `profile-email-pending-${colorScheme}`);
    });

    test("the confirm-it's-you dialog, and its wrong-password state, fit the screen and have no serious or critical problem", async ({ signedInPage: page, user }) => {
      const dialog = await openStepUpDialog(page, user);
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByLabel("Password").fill("not my password");
      await dialog.getByRole("button", { name: "Confirm" }).click();
      await expect(dialog.getByRole("alert")).toBeVisible();
      await checkAndCapture(page, `step-up-${colorScheme}`);
    });

    test("every step of turning on two-factor fits the screen and has no serious or critical problem", async ({ signedInPage: page, user }) => {
      await walkSecurityStates(page, user, (state) => checkAndCapture(page, `${state}-${colorScheme}`));
    });

    test("codes by email, at the second step and in the step-up dialog, fit the screen and have no serious or critical problem", async ({ signedInPage: page, user }) => {
      await walkSecondStepStates(page, user, (on, state) => checkAndCapture(on, `${state}-${colorScheme}`));
    });
  });
}
