import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { db } from "@/lib/db";
import { refreshSessionCopies } from "./session-store";

export const AVATAR_SIZE = 256;

type ImageType = "png" | "jpeg" | "gif" | "webp";

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * The image type the bytes themselves declare, whatever the file was called or the browser claimed.
 * SVG, HTML and everything else is refused here, before a decoder sees it.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  return null;
}

export class UnsupportedImageError extends Error {
  override name = "UnsupportedImageError";
}

export class TooManyPixelsError extends Error {
  override name = "TooManyPixelsError";
}

// A flat picture compresses about a thousand to one, so 2 MB of file could be gigabytes of pixels;
// the header says how many before anything is decoded.
export const AVATAR_MAX_PIXELS = 24_000_000;

/**
 * Decodes the picture and draws a new one from its pixels: a square WebP with no EXIF, GPS or
 * colour-profile metadata left, and nothing of the original file's other contents (a polyglot's
 * payload does not survive). Orientation is applied first so the photo stays upright.
 */
export async function reencodeAvatar(bytes: Uint8Array): Promise<Buffer> {
  const type = sniffImageType(bytes);
  if (!type) throw new UnsupportedImageError("not a PNG, JPEG, GIF or WebP file");
  const { width = 0, height = 0 } = await sharp(bytes).metadata().catch((error: unknown) => {
    throw new UnsupportedImageError(`cannot be read as ${type}`, { cause: error });
  });
  if (width * height > AVATAR_MAX_PIXELS) throw new TooManyPixelsError(`${width}×${height} pixels`);
  try {
    return await sharp(bytes, { failOn: "error", limitInputPixels: AVATAR_MAX_PIXELS, animated: false })
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover" })
      .webp({ quality: 82 })
      .toBuffer();
  } catch (error) {
    throw new UnsupportedImageError(`cannot be decoded as ${type}`, { cause: error });
  }
}

export const avatarPath = (userId: string, hash: string) => `/api/avatars/${userId}/${hash}.webp`;

/** Stores the new picture and points the user at it, together: never one without the other. */
export async function saveAvatar(userId: string, webp: Buffer): Promise<string> {
  const hash = createHash("sha256").update(webp).digest("hex").slice(0, 16);
  const image = avatarPath(userId, hash);
  const data = new Uint8Array(webp);
  await db.$transaction([
    db.avatar.upsert({ where: { userId }, create: { userId, hash, data }, update: { hash, data, createdAt: new Date() } }),
    db.user.update({ where: { id: userId }, data: { image } }),
  ]);
  await refreshSessionCopies(userId);
  return image;
}

export async function removeAvatar(userId: string) {
  await db.$transaction([db.avatar.deleteMany({ where: { userId } }), db.user.update({ where: { id: userId }, data: { image: null } })]);
  await refreshSessionCopies(userId);
}

/** The stored picture, only when the hash names the current version. */
export async function findAvatar(userId: string, hash: string): Promise<Uint8Array | null> {
  const avatar = await db.avatar.findFirst({ where: { userId, hash }, select: { data: true } });
  return avatar?.data ?? null;
}
