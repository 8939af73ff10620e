import "server-only";
import { attemptsBlockedFor, countAttempt, type AttemptRule } from "@/lib/account/attempts";
import { env } from "@/lib/env";
import { requestDevice } from "@/lib/request-device";
import { apiError } from "./responses";

/**
 * Request limits for our own routes. better-auth's limiter counts requests to its handler only, and
 * these routes call its server API directly, so they are counted here: in the same table, scaled by
 * the same RATE_LIMIT_SCALE, per client address (as lib/request-device finds it) and route. The
 * numbers follow better-auth's own for its sensitive endpoints.
 */
const RULES = {
  "change-password": { max: 3, windowMs: 10_000 },
  "change-email": { max: 3, windowMs: 10_000 },
  "step-up": { max: 3, windowMs: 10_000 },
  "avatar-upload": { max: 10, windowMs: 60_000 },
  "report-sign-in": { max: 3, windowMs: 10_000 },
} satisfies Record<string, AttemptRule>;

/** The 429 for a client over the route's limit, or null after counting this request. */
export async function refuseOverLimit(request: Request, route: keyof typeof RULES) {
  const rule = { ...RULES[route], max: RULES[route].max * env.RATE_LIMIT_SCALE };
  const key = `bastion:${route}:${requestDevice(request.headers).ipAddress ?? "unknown"}`;
  const blockedFor = await attemptsBlockedFor(key, rule);
  if (blockedFor > 0) {
    return apiError(429, "TOO_MANY_REQUESTS", "Too many requests. Wait a moment and try again.", { "Retry-After": String(blockedFor) });
  }
  await countAttempt(key, rule);
  return null;
}
