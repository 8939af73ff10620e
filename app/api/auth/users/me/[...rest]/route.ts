import { apiError } from "@/lib/api/responses";

// Without this, a mistyped path under the API would fall through to better-auth's catch-all and
// answer in its shape; API clients get ours for every refusal.
function notFound(request: Request) {
  return apiError(404, "NOT_FOUND", `There is no ${request.method} ${new URL(request.url).pathname} in this API. See /api/openapi.json.`);
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
