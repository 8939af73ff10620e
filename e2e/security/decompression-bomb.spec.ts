import sharp from "sharp";
import { expect, test } from "../fixtures";
import { query } from "../fixtures/database";
import { bearerToken, call } from "../support/api";

/**
 * Attack: a small file that decodes to an enormous picture (a flat-colour PNG compresses about a
 * thousand to one), so that each upload makes the server hold hundreds of megabytes of pixels. The
 * bytes are within the 2 MB limit; the pixels are refused before they are decoded.
 */
test("attack: a 2 MB upload that decodes to 36 megapixels", async ({ user }) => {
  const bomb = await sharp({ create: { width: 6000, height: 6000, channels: 3, background: "#808080" } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
  const token = await bearerToken(user);
  const answer = await call("PUT", "/api/auth/users/me/avatar", { token, body: new Uint8Array(bomb), headers: { "content-type": "image/png" } });
  expect([answer.status, answer.body.error?.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
  expect(answer.body.error?.message).toBe("Choose a picture of at most 24 megapixels.");
  expect((await query<{ image: string | null }>('select image from "user" where email = ?', [user.email]))[0]?.image).toBeNull();
});
