import "server-only";
import type { core } from "zod";
import { ApiError } from "./errors";
import { BodyTooLargeError, readBodyWithLimit } from "./read-body";
import { validate } from "./validate";

// Every JSON body our API takes is a handful of short fields.
const JSON_BODY_MAX_BYTES = 16 * 1024;

/** A request's JSON body checked against the form's zod schema; a 400, 413 or 415 otherwise. */
export async function parseJsonBody<T>(request: Request, schema: core.$ZodType<T>): Promise<T> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON, with Content-Type: application/json.");
  }
  let text: string;
  try {
    text = new TextDecoder().decode(await readBodyWithLimit(request, JSON_BODY_MAX_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ApiError("PAYLOAD_TOO_LARGE", "The request body is too large.");
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError("INVALID_INPUT", "The request body is not valid JSON.");
  }
  return validate(schema, json);
}
