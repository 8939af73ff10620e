import { expect, test } from "./fixtures";
import { seriousViolations } from "./support/axe";
import { accountPages, colorSchemes, publicPages } from "./support/pages";
import { showPictureAndPendingEmail } from "./support/profile-states";
import { walkSecondStepStates } from "./support/second-step-states";
import { walkSecurityStates } from "./support/security-states";
import { openStepUpDialog } from "./support/step-up-states";

// On one database only: axe reads the markup, which is the same whichever database the data came from.

for (const colorScheme of colorSchemes) {
  test.describe(`axe, ${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    for (const { name, path } of publicPages) {
      test(`${name} has no serious or critical problem`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    for (const { name, path } of accountPages) {
      test(`${name} has no serious or critical problem`, async ({ signedInPage: page }) => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test("every step of turning on two-factor has no serious or critical problem", async ({ signedInPage: page, user }) => {
      await walkSecurityStates(page, user, async (state) => {
        expect(await seriousViolations(page), state).toEqual([]);
      });
    });

    test("codes by email, at the second step and in the step-up dialog, have no serious or critical problem", async ({ signedInPage: page, user }) => {
      await walkSecondStepStates(page, user, async (on, state) => {
        expect(await seriousViolations(on), state).toEqual([]);
      });
    });

    test("editing the name, in error, has no serious or critical problem", async ({ signedInPage: page }) => {
      await page.goto("/account/profile");
      await page.getByRole("main").getByRole("button", { name: "Edit" }).click();
      await page.getByRole("main").getByLabel("Name").fill(" ");
      await page.getByRole("main").getByRole("button", { name: "Save" }).click();
      await expect(page.getByRole("main").getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("a picture and a pending change of email address have no serious or critical problem", async ({ signedInPage: page, user }) => {
      await showPictureAndPendingEmail(page, user);
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("the confirm-it's-you dialog, and its wrong-password state, has no serious or critical problem", async ({ signedInPage: page, user }) => {
      const dialog = await openStepUpDialog(page, user);
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByLabel("Password").fill("not my password");
      await dialog.getByRole("button", { name: "Confirm" }).click();
      await expect(dialog.getByRole("alert")).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("sign-up with every field in error has no serious or critical problem", async ({ page }) => {
      await page.goto("/sign-up");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
