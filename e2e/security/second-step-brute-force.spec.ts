import { expect, sameOrigin, test } from "../fixtures";
import { atSecondStep, enableTwoFactor, freshTotpCode, totpCode } from "../fixtures/two-factor";

/** A code that is none of the ones the server would take around now. */
function wrongCode(secret: string) {
  const near = [-1, 0, 1, 2].map((steps) => totpCode(secret, Date.now() + steps * 30_000));
  return ["000000", "111111", "222222", "333333", "444444"].find((code) => !near.includes(code))!;
}

/**
 * Attack: someone with the password guesses the six-digit code, sending each guess as if from a new
 * address (X-Forwarded-For) so that no per-address limit adds up. The limits that matter here are the
 * challenge's and the account's, which no header can reset.
 */
test.describe("attack: brute-forcing the second step from rotating forwarding headers", () => {
  test("five wrong codes end the challenge; ten lock the account's second step, even for the right code", async ({ signedInPage: page, user, browser, baseURL }) => {
    const { secret } = await enableTwoFactor(page, user);
    let guess = 0;
    const tryCode = (context: Awaited<ReturnType<typeof atSecondStep>>, code: string) =>
      context.request.post("/api/auth/two-factor/verify-totp", {
        data: { code },
        headers: { ...sameOrigin(), "x-forwarded-for": `203.0.113.${++guess}` },
      });

    const first = await atSecondStep(browser, baseURL!, user);
    for (let i = 0; i < 5; i++) expect((await tryCode(first, wrongCode(secret))).status()).toBe(401);
    const spent = await tryCode(first, await freshTotpCode(secret));
    expect(spent.status()).toBe(400);
    expect((await spent.json()).error.code).toBe("TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE");
    await first.close();

    const second = await atSecondStep(browser, baseURL!, user);
    for (let i = 0; i < 5; i++) expect((await tryCode(second, wrongCode(secret))).status()).toBe(401);
    await second.close();

    const owner = await atSecondStep(browser, baseURL!, user);
    const locked = await tryCode(owner, await freshTotpCode(secret));
    expect(locked.status()).toBe(429);
    expect((await locked.json()).error.code).toBe("ACCOUNT_TEMPORARILY_LOCKED");
    expect(await (await owner.request.get("/api/auth/get-session")).json()).toBeNull();
    await owner.close();
  });
});
