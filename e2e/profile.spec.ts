import { query } from "./fixtures/database";
import type { Page } from "@playwright/test";
import { createVerifiedUser, expect, sameOrigin, test } from "./fixtures";

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
    const update = (data: Record<string, unknown>) => page.request.post("/api/auth/update-user", { data, headers: sameOrigin() });

    for (const [name, message] of [
      ["   ", "Enter your name."],
      ["x".repeat(101), "Use at most 100 characters."],
      ["Eve\u202Egnp.exe", "Remove control or text-direction characters from your name."],
      ["Null\u0000byte", "Remove control or text-direction characters from your name."],
    ]) {
      const response = await update({ name });
      expect(response.status(), JSON.stringify(name)).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "INVALID_INPUT", message } });
    }
    const offSite = await update({ image: "https://evil.example/tracker.png" });
    expect(offSite.status()).toBe(400);
    expect(await offSite.json()).toMatchObject({ error: { code: "INVALID_INPUT", message: "Upload a picture from your profile page instead." } });
    expect(await storedUser(user.email)).toEqual({ name: user.name, image: null });

    const trimmed = await update({ name: "  Grace Hopper " });
    expect(trimmed.status()).toBe(200);
    expect((await storedUser(user.email)).name).toBe("Grace Hopper");
  });
});

test.describe("changing the email address", () => {
  const emailCard = (page: Page) => page.locator("section").filter({ has: page.getByRole("heading", { name: "Email address" }) });
  const storedEmail = async (email: string) => (await query<{ email: string }>('select email from "user" where email = ?', [email])).length;

  test("stays the same until the link mailed to the new address is opened; then the old address is told", async ({ signedInPage: page, user, mailbox }) => {
    const newEmail = `moved-${user.email}`;
    await page.goto("/account/profile");
    const card = emailCard(page);
    await card.getByRole("button", { name: "Change email" }).click();
    await card.getByLabel("New email address").fill("not an address");
    await card.getByRole("button", { name: "Send verification" }).click();
    await expect(card.getByLabel("New email address")).toHaveAccessibleDescription("Enter a valid email address.");
    await card.getByLabel("New email address").fill(newEmail.toUpperCase());
    await card.getByRole("button", { name: "Send verification" }).click();
    await expect(card.getByRole("status")).toHaveText(`We have sent a link to ${newEmail}.`);
    await expect(card.getByTestId("pending-email")).toHaveText(`Waiting for you to confirm ${newEmail}. Until you open the link we sent there, your email stays ${user.email}.`);
    await expect(card.getByTestId("profile-email")).toHaveText(user.email);
    expect(await storedEmail(user.email)).toBe(1);

    await mailbox.waitFor(newEmail, /Confirm your new email address/);
    await card.getByRole("button", { name: "Resend" }).click();
    await expect.poll(() => mailbox.all(newEmail).length).toBe(2);
    const mail = await mailbox.waitFor(newEmail, /Confirm your new email address/, { after: 1 });
    expect(mailbox.all(user.email).filter((m) => /email address was changed/.test(m.subject))).toEqual([]);

    await page.goto(mail.link);
    await expect(page).toHaveURL(/\/account\/profile\?email-change=done$/);
    await expect(emailCard(page).getByRole("status")).toHaveText(`Your email address is now ${newEmail}.`);
    await expect(page.getByTestId("profile-email")).toHaveText(newEmail);
    await expect(emailCard(page).getByTestId("pending-email")).toHaveCount(0);
    expect(await storedEmail(newEmail)).toBe(1);
    const notice = await mailbox.waitFor(user.email, /Your Bastion email address was changed/);
    expect(notice.text).toContain(newEmail);

    const withNew = await page.request.post("/api/auth/sign-in/email", { data: { email: newEmail, password: user.password }, headers: sameOrigin() });
    expect(withNew.status()).toBe(200);
  });

  test("cancel really cancels: the link already sent stops working", async ({ signedInPage: page, user, mailbox }) => {
    const newEmail = `cancelled-${user.email}`;
    await page.goto("/account/profile");
    const card = emailCard(page);
    await card.getByRole("button", { name: "Change email" }).click();
    await card.getByLabel("New email address").fill(newEmail);
    await card.getByRole("button", { name: "Send verification" }).click();
    const mail = await mailbox.waitFor(newEmail, /Confirm your new email address/);
    await card.getByRole("button", { name: "Cancel" }).click();
    await expect(card.getByRole("status")).toHaveText("Change of email address cancelled. The link we sent no longer works.");
    await expect(card.getByTestId("pending-email")).toHaveCount(0);

    await page.goto(mail.link);
    await expect(emailCard(page).getByRole("alert")).toHaveText("That confirmation link is invalid, expired or cancelled. Your email address has not changed.");
    expect(await storedEmail(user.email)).toBe(1);
    expect(await storedEmail(newEmail)).toBe(0);
  });

  test("an address someone else uses gets the same answer and changes nothing", async ({ signedInPage: page, user, request, mailbox }) => {
    const other = await createVerifiedUser(request, mailbox);
    const mailsBefore = mailbox.all(other.email).length;
    await page.goto("/account/profile");
    const card = emailCard(page);
    await card.getByRole("button", { name: "Change email" }).click();
    await card.getByLabel("New email address").fill(other.email);
    await card.getByRole("button", { name: "Send verification" }).click();
    await expect(card.getByRole("status")).toHaveText(`We have sent a link to ${other.email}.`);
    await expect(card.getByTestId("pending-email")).toContainText(other.email);
    expect(await storedEmail(user.email)).toBe(1);

    const invalid = await page.request.post("/api/auth/change-email", { data: { newEmail: "nope" }, headers: sameOrigin() });
    expect(invalid.status()).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: "INVALID_INPUT", message: "Enter a valid email address." } });
    expect(mailbox.all(other.email)).toHaveLength(mailsBefore);
  });
});
