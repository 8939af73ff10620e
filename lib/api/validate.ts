import "server-only";
import { safeParse, type core } from "zod";
import { ApiError } from "./errors";

function describe(issue: core.$ZodIssue | undefined, namePath: boolean): string {
  if (!issue) return "Invalid input.";
  if (issue.code === "unrecognized_keys") return `${issue.keys.map((key) => `"${key}"`).join(", ")} cannot be changed with this request.`;
  return namePath && issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

/**
 * The value as the schema reads it (trimmed, lowercased...), or a 400 that names the first problem.
 * Objects are strict: a field the schema does not name is refused by name rather than ignored, so a
 * caller never believes it changed something that did not change. `namePath` prefixes the field
 * ("name: …") for API clients; a form shows the message beside its field already.
 */
export function validate<T>(schema: core.$ZodType<T>, value: unknown, { namePath = true } = {}): T {
  const result = safeParse(schema, value);
  if (!result.success) throw new ApiError("INVALID_INPUT", describe(result.error.issues[0], namePath));
  return result.data;
}
