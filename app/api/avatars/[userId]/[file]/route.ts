import { findAvatar } from "@/lib/account/avatar";
import { ApiError } from "@/lib/api/errors";

/**
 * Serves a picture by owner and content hash. A new picture gets a new hash, so each URL's bytes
 * never change and may be cached for a year.
 */
export async function GET(_request: Request, { params }: RouteContext<"/api/avatars/[userId]/[file]">) {
  const { userId, file } = await params;
  const hash = /^([0-9a-f]{16})\.webp$/.exec(file)?.[1];
  const data = hash ? await findAvatar(userId, hash) : null;
  if (!data) return new ApiError("NOT_FOUND", "No such picture.").toResponse();
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(data.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
