import { serializeSignedCookie } from "better-call";
import { describe, expect, it } from "vitest";
import { verifiedCookieValue } from "./signed-cookie";

const secret = "a secret of at least thirty-two characters, for tests";

/** The cookie's value as a browser sends it back, from the Set-Cookie better-auth's signer writes. */
async function signed(value: string, key = secret) {
  const header = await serializeSignedCookie("better-auth.session_token", value, key);
  return decodeURIComponent(/^[^=]+=([^;]*)/.exec(header)?.[1] ?? "");
}

describe("verifiedCookieValue", () => {
  it("reads what better-auth signed with the same secret", async () => {
    expect(verifiedCookieValue(await signed("token.with.dots"), secret)).toBe("token.with.dots");
  });

  it("refuses a value signed with another secret, a changed value, and a value without a signature", async () => {
    expect(verifiedCookieValue(await signed("token", "another secret of at least thirty-two characters"), secret)).toBeNull();
    const cookie = await signed("token");
    expect(verifiedCookieValue(`other${cookie.slice("token".length)}`, secret)).toBeNull();
    expect(verifiedCookieValue("token", secret)).toBeNull();
    expect(verifiedCookieValue(".signature", secret)).toBeNull();
    expect(verifiedCookieValue(undefined, secret)).toBeNull();
  });
});
