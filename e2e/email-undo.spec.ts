import { query } from "./fixtures/database";
import { FIREFOX_ON_LINUX, expect, otherDevice, sameOrigin, test } from "./fixtures";
import { seriousViolations } from "./support/axe";
import { colorSchemes } from "./support/pages";

const storedEmail = async (id: string) => (await query<{ email: string }>('select email from "user" where id = ?', [id]))[0]?.email;

test.describe("undoing a change of email address", () => {
  test("the old address takes the account back from someone holding a session: the address returns, every device is signed out, and a reset link goes to it", async ({
    browser,
    signedInPage: page,
    user,
    mailbox,
  }) => {
    const [{ id }] = (await query<{ id: string }>('select id from "user" where email = ?', [user.email])) as [{ id: string }];
    // Someone with the session moves the account to their own address, and confirms it from there.
    const intruder = await otherDevice(browser, user, FIREFOX_ON_LINUX);
    const theirs = `intruder-${user.email}`;
    expect((await intruder.request.put("/api/auth/users/me/email", { data: { newEmail: theirs }, headers: sameOrigin() })).status()).toBe(202);
    await intruder.goto((await mailbox.waitFor(theirs, /Confirm your new email address/)).link);
    await expect(intruder).toHaveURL(/email-change=done$/);
    expect(await storedEmail(id)).toBe(theirs);

    // The old address is told, with the way back.
    const told = await mailbox.waitFor(user.email, /email address was changed/);
    expect(told.text).toContain("This wasn't me: undo:");
    expect(told.link).toMatch(/\/undo-email-change\?token=[\w-]{40,}$/);

    // Opened in a browser with no session; opening alone changes nothing (mail scanners open links).
    const ownerContext = await browser.newContext();
    const owner = await ownerContext.newPage();
    await owner.goto(told.link);
    await expect(owner.getByRole("heading", { name: "Undo the change of email address", level: 1 })).toBeVisible();
    await expect(owner.getByText(`The address of the account was changed from ${user.email} to ${theirs}.`)).toBeVisible();
    expect(await storedEmail(id)).toBe(theirs);
    for (const colorScheme of colorSchemes) {
      await owner.emulateMedia({ colorScheme });
      for (const { width, height } of [
        { width: 375, height: 812 },
        { width: 1280, height: 800 },
      ]) {
        await owner.setViewportSize({ width, height });
        expect(await seriousViolations(owner), `${colorScheme} ${width}`).toEqual([]);
        await owner.screenshot({ path: `screenshots/${test.info().project.name}/undo-email-change-${colorScheme}-${width}.png`, fullPage: true });
      }
    }

    await owner.getByRole("button", { name: "Undo the change" }).click();
    await expect(owner.getByRole("status")).toHaveText(
      `Your email address is ${user.email} again. Every device has been signed out, and we sent a link to choose a new password there: use it before you sign in.`,
    );
    expect(await storedEmail(id)).toBe(user.email);
    await intruder.goto("/account/profile");
    await expect(intruder).toHaveURL(/\/sign-in\?next=/);
    await page.goto("/account/profile");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    const [left] = await query<{ count: number }>('select count(*) as count from session where "userId" = ?', [id]);
    expect(Number(left!.count)).toBe(0);
    await mailbox.waitFor(user.email, /Reset your Bastion password/);
    const events = await query<{ type: string; detail: string }>('select type, detail from security_event where "userId" = ? and type like ? order by "createdAt"', [id, "email_change%"]);
    expect(events.at(-1)).toEqual({ type: "email_change_undone", detail: `${theirs} → ${user.email}` });

    // Once only.
    await owner.goto(told.link);
    await expect(owner.getByRole("heading", { name: "This link cannot be used", level: 1 })).toBeVisible();
    const again = await owner.request.post("/api/auth/email-change/undo", { data: { token: new URL(told.link).searchParams.get("token") }, headers: sameOrigin() });
    expect(again.status()).toBe(400);
    expect((await again.json()).error.code).toBe("INVALID_TOKEN");
    await ownerContext.close();
    await intruder.context().close();
  });

  for (const first of ["owner", "intruder"] as const) {
    test(`attack: an intruder who changed the address twice cannot keep the account with the undo link their own mailbox got (${first} undoes first)`, async ({ browser, user, mailbox }) => {
      const [{ id }] = (await query<{ id: string }>('select id from "user" where email = ?', [user.email])) as [{ id: string }];
      const intruder = await otherDevice(browser, user, FIREFOX_ON_LINUX);
      const theirs = `first-${user.email}`;
      const later = `second-${user.email}`;
      for (const [address, told] of [
        [theirs, user.email],
        [later, theirs],
      ] as const) {
        expect((await intruder.request.put("/api/auth/users/me/email", { data: { newEmail: address }, headers: sameOrigin() })).status()).toBe(202);
        await intruder.goto((await mailbox.waitFor(address, /Confirm your new email address/)).link);
        await mailbox.waitFor(told, /email address was changed/);
      }
      expect(await storedEmail(id)).toBe(later);
      const ownersLink = (await mailbox.waitFor(user.email, /email address was changed/)).link;
      const intrudersLink = (await mailbox.waitFor(theirs, /email address was changed/)).link;
      const undo = async (link: string) => (await intruder.request.post("/api/auth/email-change/undo", { data: { token: new URL(link).searchParams.get("token") }, headers: sameOrigin() })).status();

      if (first === "owner") {
        expect(await undo(ownersLink)).toBe(200);
        // The later change's link is void: it would move the account back to the intruder's address.
        expect(await undo(intrudersLink)).toBe(400);
      } else {
        // Undoing the later change first does not void the owner's link to the earlier one.
        expect(await undo(intrudersLink)).toBe(200);
        expect(await storedEmail(id)).toBe(theirs);
        expect(await undo(ownersLink)).toBe(200);
      }
      expect(await storedEmail(id)).toBe(user.email);
      await intruder.context().close();
    });
  }
});
