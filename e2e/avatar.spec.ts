import sharp from "sharp";
import { query } from "./fixtures/database";
import { expect, sameOrigin, test } from "./fixtures";

const TOO_LARGE = "Choose a picture of at most 2 MB.";
const WRONG_TYPE = "Choose a PNG, JPEG, WebP or GIF picture.";

/** A landscape photo carrying the kind of metadata people do not mean to publish. */
async function photoWithMetadata() {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: "Secret Person", Copyright: "Home address" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    .toBuffer();
}

async function storedAvatar(email: string) {
  const [row] = await query<{ image: string | null; avatars: number }>(
    'select u.image, (select count(*) from avatar a where a."userId" = u.id) as avatars from "user" u where u.email = ?',
    [email],
  );
  return { image: row!.image, avatars: Number(row!.avatars) };
}

test.describe("profile picture", () => {
  test("uploads by clicking the avatar; stored as a 256 px WebP without metadata, served immutable and nosniff", async ({ signedInPage: page, user }) => {
    const photo = await photoWithMetadata();
    expect((await sharp(photo).metadata()).exif).toBeDefined();

    await page.goto("/account/profile");
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Upload a picture" }).click();
    await (await chooser).setFiles({ name: "holiday.jpg", mimeType: "image/jpeg", buffer: photo });
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Picture updated.");

    const { image, avatars } = await storedAvatar(user.email);
    expect(avatars).toBe(1);
    expect(image).toMatch(/^\/api\/avatars\/[^/]+\/[0-9a-f]{16}\.webp$/);
    await expect(page.getByRole("banner").locator(`img[src="${image}"]`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Change picture" })).toBeVisible();

    const served = await page.request.get(image!);
    expect(served.status()).toBe(200);
    expect(served.headers()).toMatchObject({
      "content-type": "image/webp",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    });
    const body = await served.body();
    const metadata = await sharp(body).metadata();
    expect({ format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({ format: "webp", width: 256, height: 256 });
    expect(metadata.exif).toBeUndefined();
    expect(body.includes("Secret Person")).toBe(false);

    // A new picture gets a new address; the old one is gone.
    const png = await sharp({ create: { width: 300, height: 300, channels: 4, background: "#3366ff" } }).png().toBuffer();
    const replaced = await page.request.put("/api/auth/users/me/avatar", { data: png, headers: { ...sameOrigin(), "content-type": "image/png" } });
    expect(replaced.status()).toBe(200);
    const { image: second } = await replaced.json();
    expect(second).not.toBe(image);
    expect((await page.request.get(image!)).status()).toBe(404);

    await page.reload();
    await page.getByRole("button", { name: "Remove" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Picture removed.");
    expect(await storedAvatar(user.email)).toEqual({ image: null, avatars: 0 });
    expect((await page.request.get(second)).status()).toBe(404);
  });

  test("a file over 2 MB is refused at once in the browser, and with 413 by the server", async ({ signedInPage: page, user }) => {
    const huge = Buffer.concat([await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } }).png().toBuffer(), Buffer.alloc(2 * 1024 * 1024)]);
    await page.goto("/account/profile");
    await page.getByTestId("avatar-input").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: huge });
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(TOO_LARGE);

    const response = await page.request.put("/api/auth/users/me/avatar", { data: huge, headers: { ...sameOrigin(), "content-type": "image/png" } });
    expect(response.status()).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: TOO_LARGE } });
    expect(await storedAvatar(user.email)).toEqual({ image: null, avatars: 0 });
  });

  test("bytes that are not a PNG, JPEG, WebP or GIF get 415, whatever they are called; nothing is stored", async ({ signedInPage: page, user }) => {
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#fff" } }).png().toBuffer();
    const fakes = [
      { name: "svg", type: "image/svg+xml", data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') },
      { name: "html", type: "image/png", data: Buffer.from("<!doctype html><script>alert(document.cookie)</script>") },
      { name: "renamed text", type: "image/jpeg", data: Buffer.from("just some text, saved as photo.jpg") },
      { name: "polyglot", type: "image/png", data: Buffer.concat([png.subarray(0, 16), Buffer.from("<html><script>alert(1)</script></html>")]) },
    ];
    for (const fake of fakes) {
      const response = await page.request.put("/api/auth/users/me/avatar", { data: fake.data, headers: { ...sameOrigin(), "content-type": fake.type } });
      expect(response.status(), fake.name).toBe(415);
      expect(await response.json()).toEqual({ error: { code: "UNSUPPORTED_MEDIA_TYPE", message: WRONG_TYPE } });
    }

    await page.goto("/account/profile");
    await page.getByTestId("avatar-input").setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: fakes[2]!.data });
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(WRONG_TYPE);
    await page.getByTestId("avatar-input").setInputFiles({ name: "drawing.svg", mimeType: "image/svg+xml", buffer: fakes[0]!.data });
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(WRONG_TYPE);
    expect(await storedAvatar(user.email)).toEqual({ image: null, avatars: 0 });
  });

  test("only the signed-in person can change their picture, and only from this site", async ({ browser, signedInPage: page }) => {
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#fff" } }).png().toBuffer();
    const stranger = await browser.newContext();
    expect((await stranger.request.put("/api/auth/users/me/avatar", { data: png, headers: { ...sameOrigin(), "content-type": "image/png" } })).status()).toBe(401);
    await stranger.close();
    const crossSite = await page.request.put("/api/auth/users/me/avatar", { data: png, headers: { origin: "https://evil.example", "content-type": "image/png" } });
    expect(crossSite.status()).toBe(403);
  });
});
