import { expect, type Page } from "@playwright/test";
import sharp from "sharp";
import { sameOrigin, type TestUser } from "../fixtures";

/** Gives the signed-in person a picture, through the same route the page uses. */
export async function uploadPicture(page: Page) {
  const png = await sharp({
    create: { width: 256, height: 256, channels: 3, background: { r: 79, g: 70, b: 229 } },
  })
    .composite([{ input: Buffer.from('<svg width="256" height="256"><circle cx="128" cy="110" r="56" fill="#e0e7ff"/><rect x="48" y="180" width="160" height="90" rx="60" fill="#e0e7ff"/></svg>') }])
    .png()
    .toBuffer();
  const response = await page.request.put("/api/auth/users/me/avatar", { data: png, headers: { ...sameOrigin(), "content-type": "image/png" } });
  expect(response.status()).toBe(200);
}

/** The profile with a picture and a change of email address waiting to be confirmed. */
export async function showPictureAndPendingEmail(page: Page, user: TestUser) {
  await uploadPicture(page);
  await page.goto("/account/profile");
  await page.getByRole("button", { name: "Change email" }).click();
  await page.getByLabel("New email address").fill(`pending-${user.email}`);
  await page.getByRole("button", { name: "Send verification" }).click();
  await expect(page.getByTestId("pending-email")).toBeVisible();
}
