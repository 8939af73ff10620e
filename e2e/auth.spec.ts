import { query } from "./fixtures/database";
import { expect, newUserDetails, sameOrigin, signIn, signOutWithButton, test } from "./fixtures";

test.describe("signing up and in", () => {
  test("signs up, verifies the email from the mailed link, signs in, sees the account and signs out", async ({ page, mailbox }) => {
    const user = newUserDetails();

    await page.goto("/sign-up");
    await page.getByLabel("Name").fill(user.name);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Check your inbox")).toBeVisible();

    // Not verified yet: no session, and the account stays closed.
    const [unverified] = await query<{ emailVerified: number | boolean }>('select "emailVerified" from "user" where email = ?', [user.email]);
    expect(Boolean(unverified?.emailVerified)).toBe(false);

    const mail = await mailbox.waitFor(user.email, /Verify your email/);
    await page.goto(mail.link);
    await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();
    await page.getByRole("link", { name: "Continue to your account" }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
    await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();

    await signOutWithButton(page);
    await page.goto("/account/profile");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount%2Fprofile$/);

    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
    await expect(page.getByRole("banner")).toContainText(user.name);
    await page.getByRole("link", { name: "Security" }).click();
    await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Security" })).toHaveAttribute("aria-current", "page");
  });

  test("a wrong password gets a clear message and no session", async ({ page, user }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.");
    await page.goto("/account/profile");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the sign-in form says what is missing, at the field, before asking the server", async ({ page, user }) => {
    await page.goto("/sign-in");
    const email = page.getByLabel("Email");
    const password = page.getByLabel("Password");
    const signInRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/auth/sign-in/email")) signInRequests.push(request.url());
    });
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(email).toHaveAccessibleDescription("Enter a valid email address.");
    await expect(password).toHaveAccessibleDescription("Enter your password.");
    await expect(email).toBeFocused();

    // Once a submit has failed, each change is checked again: a fixed field loses its message.
    await email.fill(user.email);
    await expect(email).not.toHaveAttribute("aria-invalid");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(password).toBeFocused();
    expect(signInRequests).toEqual([]);

    await password.fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
    expect(signInRequests).toHaveLength(1);
  });

  test("signing in before verifying asks for verification and sends a new link", async ({ page, request, mailbox }) => {
    const user = newUserDetails();
    await request.post("/api/auth/sign-up/email", { data: user, headers: sameOrigin() });
    await mailbox.waitFor(user.email, /Verify your email/);

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Verify your email address first. We have sent you a new link.");
    await expect.poll(() => mailbox.all(user.email).length).toBe(2);

    const fresh = await mailbox.waitFor(user.email, /Verify your email/, { after: 1 });
    await page.goto(fresh.link);
    await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();
    await page.goto("/account/profile");
    await expect(page.getByRole("banner")).toContainText(user.name);
  });

  test("a broken verification link says so and offers a new one", async ({ page }) => {
    await page.goto("/api/auth/verify-email?token=not-a-token&callbackURL=%2Fverify-email");
    await expect(page).toHaveURL(/\/verify-email\?error=INVALID_TOKEN$/);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This verification link is invalid or has already been used.");
    await expect(page.getByRole("button", { name: "Send a new link" })).toBeVisible();
  });

  test("a taken email gets the same answer as a new one, changes nothing and tells the owner", async ({ page, user, mailbox }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Someone Else");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("another password 123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Check your inbox")).toBeVisible();

    const owner = await mailbox.waitFor(user.email, /already have a Bastion account/);
    expect(owner.text).toContain("Someone tried to create an account with this email address");

    const rows = await query<{ name: string }>('select name from "user" where email = ?', [user.email]);
    expect(rows).toEqual([{ name: user.name }]);
    // The original password still opens the account.
    await signIn(page, user);
    await page.goto("/account/profile");
    await expect(page.getByRole("banner")).toContainText(user.name);
  });

  test("form rules hold in the browser and on the server", async ({ page, request }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("   ");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name.");
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter a valid email address.");
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription("8 to 128 characters. Use at least 8 characters.");

    // The same rules, sent straight to the server: refused, nothing stored.
    const user = newUserDetails();
    const response = await request.post("/api/auth/sign-up/email", {
      data: { ...user, name: "Ada\u202Egpj.exe" },
      headers: sameOrigin(),
    });
    expect(response.status()).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe("Remove control or text-direction characters from your name.");
    expect(await query('select id from "user" where email = ?', [user.email])).toEqual([]);
  });
});

test.describe("password reset", () => {
  test("resets a forgotten password by mail, and the link works once", async ({ page, user, mailbox }) => {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    // The sign-in page has an Email field too: wait until the new page is the one showing.
    await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await page.getByLabel("Email").fill(user.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText("Check your inbox")).toBeVisible();

    const mail = await mailbox.waitFor(user.email, /Reset your Bastion password/);
    await page.goto(mail.link);
    await expect(page).toHaveURL(/\/reset-password\?token=/);
    const newPassword = "a brand new passphrase";
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password").fill("a different passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByLabel("Confirm new password")).toHaveAccessibleDescription("The passwords do not match.");
    await page.getByLabel("Confirm new password").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your password has been changed")).toBeVisible();

    await page.goto(mail.link);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("invalid or has expired");

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.");
    await page.getByLabel("Password").fill(newPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
  });

  test("asking for a reset of an unknown address gives the same answer and sends nothing", async ({ page, mailbox }) => {
    const stranger = newUserDetails();
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(stranger.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText("Check your inbox")).toBeVisible();
    expect(mailbox.all(stranger.email)).toEqual([]);
  });
});

test.describe("the account area", () => {
  test("sends a visitor without a session to sign in, then back where they were going", async ({ page, user }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
    await page.goto("/account/security");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount%2Fsecurity$/);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account\/security$/);
  });

  test("a forged session cookie is not a session", async ({ page, context }) => {
    await context.addCookies([{ name: "better-auth.session_token", value: "forged.value", url: sameOrigin().origin }]);
    await page.goto("/account/profile");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount%2Fprofile$/);
  });

  test("never follows next= off the site after sign-in", async ({ page, user }) => {
    await page.goto("/sign-in?next=//evil.example/steal");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account\/profile$/);
  });

  test("the development mailbox does not exist in production", async ({ page }) => {
    const response = await page.goto("/dev/mailbox");
    expect(response?.status()).toBe(404);
  });

  test("a sign-out that cannot reach the server says so, keeps the session, and works when tried again", async ({ signedInPage: page }, testInfo) => {
    await page.goto("/account/profile");
    // The connection drops once, as on a train going into a tunnel.
    await page.route("**/api/auth/sign-out", (route) => route.abort("internetdisconnected"), { times: 1 });
    const signOut = page.getByRole("banner").getByRole("button", { name: "Sign out" });
    await expect(async () => {
      await signOut.click();
      await expect(page.getByRole("banner").getByRole("alert")).toHaveText("Not signed out: Could not reach the server. Check your connection and try again.", { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(page).toHaveURL(/\/account\/profile$/);
    await expect(signOut).toBeEnabled();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 700 });
        await page.screenshot({ path: `screenshots/${testInfo.project.name}/sign-out-failed-${colorScheme}-${width}.png` });
      }
    }

    await signOut.click();
    await expect(page).toHaveURL(/\/sign-in$/);
    expect(await (await page.request.get("/api/auth/get-session")).json()).toBeNull();
  });

  test("/account opens the profile for a signed-in person", async ({ signedInPage: page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/account\/profile$/);
    await expect(page.getByRole("navigation", { name: "Account" })).toBeVisible();
  });
});
