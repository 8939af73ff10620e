import "server-only";
import { isAPIError } from "better-auth/api";
import { AUTH_ERROR_MESSAGES } from "@/lib/auth-errors";
import { apiError, type ApiErrorCode } from "./responses";

// better-auth answers a wrong password with 400; ours says 403 for every wrong secret, as the step-up
// endpoint does, so a client can tell "you typed it wrong" from "the request is malformed".
const STATUS_OF_CODE: Record<string, number> = { INVALID_PASSWORD: 403, INVALID_CODE: 403, INVALID_BACKUP_CODE: 403, CODE_ALREADY_USED: 403 };
const OUR_CODE: Record<string, ApiErrorCode> = { INVALID_BACKUP_CODE: "INVALID_CODE" };

/** One of better-auth's refusals, in our `{ error: { code, message } }` shape; anything else is rethrown. */
export function betterAuthFailure(error: unknown) {
  if (!isAPIError(error)) throw error;
  const body = (error.body ?? {}) as { code?: string; message?: string };
  const code = body.code ?? "INVALID_INPUT";
  // better-auth's codes pass through as they are, so a client sees the same code as from /api/auth/*.
  return apiError(STATUS_OF_CODE[code] ?? error.statusCode, (OUR_CODE[code] ?? code) as ApiErrorCode, AUTH_ERROR_MESSAGES[code] ?? body.message ?? "The request was refused.");
}
