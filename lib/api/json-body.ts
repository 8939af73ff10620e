import "server-only";
import type { ZodType } from "zod";
import { BodyTooLargeError, readBodyWithLimit } from "./read-body";
import { apiError } from "./responses";

// Every JSON body our API takes is a handful of short fields.
const JSON_BODY_MAX_BYTES = 16 * 1024;

/**
 * A request's JSON body checked against the form's zod schema, or the 400/413/415 that refuses it.
 * Objects are strict: a field the schema does not name (say `email` in a name update) is refused by
 * name rather than ignored, so a caller never believes it changed something that did not change.
 */
export async function parseJsonBody<T>(request: Request, schema: ZodType<T>) {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return { response: apiError(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON, with Content-Type: application/json.") } as const;
  }
  let text: string;
  try {
    text = new TextDecoder().decode(await readBodyWithLimit(request, JSON_BODY_MAX_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { response: apiError(413, "PAYLOAD_TOO_LARGE", "The request body is too large.") } as const;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { response: apiError(400, "INVALID_INPUT", "The request body is not valid JSON.") } as const;
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const message =
      issue?.code === "unrecognized_keys"
        ? `${issue.keys.map((key) => `"${key}"`).join(", ")} cannot be changed with this request.`
        : issue?.path.length
          ? `${issue.path.join(".")}: ${issue.message}`
          : (issue?.message ?? "Invalid input.");
    return { response: apiError(400, "INVALID_INPUT", message) } as const;
  }
  return { data: result.data } as const;
}
