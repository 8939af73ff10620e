import { expect, newUserDetails, sameOrigin, test } from "../fixtures";
import { query } from "../fixtures/database";

/**
 * Attack: give an account a picture on the attacker's server, which every account page would then
 * load (a tracking pixel that reports when and from where the owner looks). Pictures are uploaded and
 * served by us only; no endpoint stores a URL.
 */
test("attack: signing up with a picture URL on another server", async ({ request, mailbox }) => {
  const person = newUserDetails();
  const answer = await request.post("/api/auth/sign-up/email", {
    data: { ...person, image: "https://attacker.example/p.png", callbackURL: "/verify-email" },
    headers: sameOrigin(),
  });
  expect(answer.status()).toBe(400);
  expect(await answer.json()).toMatchObject({ error: { code: "INVALID_INPUT" } });
  expect(await query('select id from "user" where email = ?', [person.email])).toEqual([]);
  expect(mailbox.all(person.email)).toEqual([]);
});

test("attack: pointing an existing account's picture at another server", async ({ signedInPage: page, user }) => {
  const answer = await page.request.post("/api/auth/update-user", { data: { image: "https://attacker.example/p.png" }, headers: sameOrigin() });
  expect(answer.status()).toBe(400);
  expect((await query<{ image: string | null }>('select image from "user" where email = ?', [user.email]))[0]?.image).toBeNull();
});
