import { SignJWT } from "jose";
import { expect, test } from "../fixtures";

/**
 * Attack: a verification link we never sent. Its token claims to confirm a change of email address;
 * its callbackURL walks out of the site with dot segments. Whatever the token says, an unsigned or
 * wrongly signed one is an invalid link, and the answer never leads to another origin.
 */
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function forgedTokens(userId: string, email: string) {
  const claims = { email, updateTo: `attacker-${email}`, requestType: "change-email-verification", userId };
  const unsigned = `${base64url({ alg: "none", typ: "JWT" })}.${base64url({ ...claims, exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
  const wrongKey = await new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setExpirationTime("1h").sign(new TextEncoder().encode("not the server's secret"));
  return { unsigned, wrongKey };
}

test("attack: a forged change-email link with an escaping callbackURL", async ({ request, user, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const me = await request.post("/api/auth/sign-in/email", { data: { email: user.email, password: user.password }, headers: { origin } });
  const userId = ((await me.json()) as { user: { id: string } }).user.id;
  for (const [kind, token] of Object.entries(await forgedTokens(userId, user.email))) {
    for (const callbackURL of ["/a/..//evil.example/", "/account/../..//evil.example", "//evil.example/", "https://evil.example/"]) {
      const answer = await request.get(`/api/auth/verify-email?token=${encodeURIComponent(token)}&callbackURL=${encodeURIComponent(callbackURL)}`, { maxRedirects: 0 });
      const location = answer.headers().location;
      if (location) expect(new URL(location, origin).origin, `${kind} token, callbackURL=${callbackURL}: ${location}`).toBe(origin);
      expect(answer.status(), `${kind} token, callbackURL=${callbackURL}`).not.toBe(200);
    }
  }
  // Nothing changed.
  const session = await request.get("/api/auth/get-session");
  expect(((await session.json()) as { user: { email: string } }).user.email).toBe(user.email);
});
