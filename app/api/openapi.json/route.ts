import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

// Built per request: the server URL is the deployment's, which the build does not know.
export function GET() {
  return Response.json(openApiDocument(env.BETTER_AUTH_URL));
}
