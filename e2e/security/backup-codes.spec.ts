import { query } from "../fixtures/database";
import { expect, sameOrigin, test } from "../fixtures";
import { atSecondStep, enableTwoFactor } from "../fixtures/two-factor";

const sendBackupCode = (context: Awaited<ReturnType<typeof atSecondStep>>, code: string) =>
  context.request.post("/api/auth/two-factor/verify-backup-code", { data: { code }, headers: sameOrigin() });

test.describe("attack: reading backup codes out of a copy of the database", () => {
  test("only keyed hashes are stored, and a stored value does not work as a code", async ({ signedInPage: page, user, browser, baseURL }) => {
    const { backupCodes } = await enableTwoFactor(page, user);
    const [row] = await query<{ stored: string }>('select t."backupCodes" as stored from "twoFactor" t join "user" u on u.id = t."userId" where u.email = ?', [user.email]);
    const stored = row!.stored;
    for (const code of backupCodes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace("-", ""));
    }
    const hashes = JSON.parse(stored) as string[];
    expect(hashes).toHaveLength(10);
    for (const hash of hashes) expect(hash).toMatch(/^hmac-sha256:[\w-]{43}$/);

    const thief = await atSecondStep(browser, baseURL!, user);
    // Not even the shape of a backup code: refused before it is compared.
    expect((await sendBackupCode(thief, hashes[0]!)).status()).toBe(400);
    expect((await sendBackupCode(thief, backupCodes[0]!)).status()).toBe(200);
    await thief.close();
    // One code used: one hash fewer, and the nine left are the ones that were there.
    const [after] = await query<{ stored: string }>('select t."backupCodes" as stored from "twoFactor" t join "user" u on u.id = t."userId" where u.email = ?', [user.email]);
    const left = JSON.parse(after!.stored) as string[];
    expect(left).toHaveLength(9);
    expect(hashes).toEqual(expect.arrayContaining(left));
  });
});

test.describe("attack: racing one backup code from two browsers", () => {
  test("the same code sent twice at once signs in once", async ({ signedInPage: page, user, browser, baseURL }) => {
    const { backupCodes } = await enableTwoFactor(page, user);
    const first = await atSecondStep(browser, baseURL!, user);
    const second = await atSecondStep(browser, baseURL!, user);
    const answers = await Promise.all([sendBackupCode(first, backupCodes[0]!), sendBackupCode(second, backupCodes[0]!)]);
    const statuses = answers.map((answer) => answer.status());
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 200)[0]).toBeGreaterThanOrEqual(400);
    await first.close();
    await second.close();
    await page.goto("/account/security");
    await expect(page.getByRole("main").getByText("9 backup codes left.")).toBeVisible();
  });
});
