import { NextResponse } from "next/server";
import { removeAvatar, reencodeAvatar, saveAvatar, TooManyPixelsError, UnsupportedImageError } from "@/lib/account/avatar";
import { ApiError } from "@/lib/api/errors";
import { accountRoute } from "@/lib/api/route";
import { AVATAR_TOO_MANY_PIXELS, AVATAR_WRONG_TYPE } from "@/lib/validation/avatar";

/** Replaces the picture with the image in the request body (the file itself, not a form). */
export const PUT = accountRoute("avatar.upload", async ({ session, upload }) => {
  let webp: Buffer;
  try {
    webp = await reencodeAvatar(upload);
  } catch (error) {
    if (error instanceof TooManyPixelsError) throw new ApiError("PAYLOAD_TOO_LARGE", AVATAR_TOO_MANY_PIXELS);
    if (error instanceof UnsupportedImageError) throw new ApiError("UNSUPPORTED_MEDIA_TYPE", AVATAR_WRONG_TYPE);
    throw error;
  }
  return NextResponse.json({ image: await saveAvatar(session.user.id, webp) });
});

export const DELETE = accountRoute("avatar.remove", async ({ session }) => {
  await removeAvatar(session.user.id);
  return new NextResponse(null, { status: 204 });
});
