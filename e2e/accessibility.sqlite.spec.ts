import { expect, test } from "./fixtures";
import { seriousViolations } from "./support/axe";
import { colorSchemes } from "./support/pages";

// Every page, and every state the layout spec walks through (layout.sqlite.spec.ts), is checked with
// axe there, in the same walk that takes its pictures. These are the states only axe needs.
// On one database only: axe reads the markup, which is the same whichever database the data came from.

for (const colorScheme of colorSchemes) {
  test.describe(`axe, ${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test("editing the name, in error, has no serious or critical problem", async ({ signedInPage: page }) => {
      await page.goto("/account/profile");
      await page.getByRole("main").getByRole("button", { name: "Edit" }).click();
      await page.getByRole("main").getByLabel("Name").fill(" ");
      await page.getByRole("main").getByRole("button", { name: "Save" }).click();
      await expect(page.getByRole("main").getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
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
