import { NextResponse } from "next/server";
import { removeAvatar, reencodeAvatar, saveAvatar, UnsupportedImageError } from "@/lib/account/avatar";
import { BodyTooLargeError, readBodyWithLimit } from "@/lib/api/read-body";
import { apiError, authenticate } from "@/lib/api/responses";
import { AVATAR_MAX_BYTES, AVATAR_TOO_LARGE, AVATAR_WRONG_TYPE } from "@/lib/validation/avatar";
import { refuseOverLimit } from "@/lib/api/rate-limit";

/** Replaces the picture with the image in the request body (the file itself, not a form). */
export async function PUT(request: Request) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  const overLimit = await refuseOverLimit(request, "avatar-upload");
  if (overLimit) return overLimit;
  let bytes: Uint8Array;
  try {
    bytes = await readBodyWithLimit(request, AVATAR_MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return apiError(413, "PAYLOAD_TOO_LARGE", AVATAR_TOO_LARGE);
    throw error;
  }
  let webp: Buffer;
  try {
    webp = await reencodeAvatar(bytes);
  } catch (error) {
    if (error instanceof UnsupportedImageError) return apiError(415, "UNSUPPORTED_MEDIA_TYPE", AVATAR_WRONG_TYPE);
    throw error;
  }
  const image = await saveAvatar(session.user.id, webp);
  return NextResponse.json({ image });
}

export async function DELETE(request: Request) {
  const { session, response } = await authenticate(request);
  if (response) return response;
  await removeAvatar(session.user.id);
  return new NextResponse(null, { status: 204 });
}
