import { ApiError } from "@/lib/api/errors";

// Without this, a mistyped path under the API would fall through to better-auth's catch-all.
function notFound(request: Request) {
  return new ApiError("NOT_FOUND", `There is no ${request.method} ${new URL(request.url).pathname} in this API. See /api/openapi.json.`).toResponse();
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
