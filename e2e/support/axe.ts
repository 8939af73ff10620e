import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** What axe finds serious or critical on the page as it is now (WCAG 2.1 A/AA and best practice). */
export async function seriousViolations(page: Page) {
  // Next streams a dynamic page's metadata; right after router.refresh() the <title> can be missing
  // for a moment. Check the page as it settles, with its title.
  await expect(page).toHaveTitle(/\S/);
  // Colours fade when the scheme changes (emulateMedia) or a control changes state: judge contrast on
  // the colours a person ends up seeing, not on a frame halfway through the fade (seen in CI).
  // Transitions only: a spinner's animation never finishes.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ rule: violation.id, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
}
