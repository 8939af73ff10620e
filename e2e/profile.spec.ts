import { query } from "./fixtures/database";
import { expect, sameOrigin, test } from "./fixtures";

async function storedUser(email: string) {
  const [row] = await query<{ name: string; image: string | null }>('select name, image from "user" where email = ?', [email]);
  return row!;
}

test.describe("profile", () => {
  test("shows who is signed in: name, email with its verified badge, and since when", async ({ signedInPage: page, user }) => {
    await page.goto("/account/profile");
    const summary = page.getByRole("region", { name: "Your account" });
    await expect(summary).toContainText(user.name);
    await expect(summary).toContainText(user.email);
    await expect(summary.getByText("Verified", { exact: true })).toBeVisible();
    const month = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date());
    await expect(summary).toContainText(`Member since ${month}`);
  });

  test("edits the name in place: rules in the form, cancel changes nothing, save trims and shows it everywhere", async ({ signedInPage: page, user }) => {
    await page.goto("/account/profile");
    const main = page.getByRole("main");

    await main.getByRole("button", { name: "Edit" }).click();
    const field = main.getByLabel("Name");
    await expect(field).toHaveValue(user.name);
    await field.fill("   ");
    await main.getByRole("button", { name: "Save" }).click();
    await expect(field).toHaveAccessibleDescription("Enter your name.");
    await field.fill("Mallory \u202Eevil");
    await main.getByRole("button", { name: "Save" }).click();
    await expect(field).toHaveAccessibleDescription("Remove control or text-direction characters from your name.");
    await main.getByRole("button", { name: "Cancel" }).click();
    await expect(main.getByTestId("profile-name")).toHaveText(user.name);
    expect((await storedUser(user.email)).name).toBe(user.name);

    await main.getByRole("button", { name: "Edit" }).click();
    await field.fill("  Ada Lovelace  ");
    await main.getByRole("button", { name: "Save" }).click();
    await expect(main.getByRole("status")).toHaveText("Name saved.");
    await expect(main.getByTestId("profile-name")).toHaveText("Ada Lovelace");
    await expect(page.getByRole("banner")).toContainText("Ada Lovelace");
    await expect(page.getByRole("region", { name: "Your account" })).toContainText("Ada Lovelace");
    expect((await storedUser(user.email)).name).toBe("Ada Lovelace");
  });

  test("the server holds the same name rules, trims what it stores and refuses a picture from elsewhere", async ({ signedInPage: page, user }) => {
    const update = (data: Record<string, unknown>) => page.request.post("/api/auth/update-user", { data, headers: sameOrigin });

    for (const [name, message] of [
      ["   ", "Enter your name."],
      ["x".repeat(101), "Use at most 100 characters."],
      ["Eve\u202Egnp.exe", "Remove control or text-direction characters from your name."],
      ["Null\u0000byte", "Remove control or text-direction characters from your name."],
    ]) {
      const response = await update({ name });
      expect(response.status(), JSON.stringify(name)).toBe(400);
      expect(await response.json()).toMatchObject({ code: "INVALID_INPUT", message });
    }
    const offSite = await update({ image: "https://evil.example/tracker.png" });
    expect(offSite.status()).toBe(400);
    expect(await offSite.json()).toMatchObject({ code: "INVALID_INPUT", message: "Upload a picture from your profile page instead." });
    expect(await storedUser(user.email)).toEqual({ name: user.name, image: null });

    const trimmed = await update({ name: "  Grace Hopper " });
    expect(trimmed.status()).toBe(200);
    expect((await storedUser(user.email)).name).toBe("Grace Hopper");
  });
});
