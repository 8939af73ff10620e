import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Limit } from "./actions";

/**
 * Fixed-window counters in the counter table, so limits hold across restarts and instances. One
 * statement counts a request and reads the result, so two requests racing cannot both see room left:
 * it starts the key's window over when the last one has run out, otherwise adds one.
 */
async function count(key: string, windowSeconds: number): Promise<{ count: number; expiresAt: number }> {
  const now = Date.now();
  const expiresAt = now + windowSeconds * 1000;
  const [row] = await db.$queryRaw<{ count: number | bigint; expiresAt: number | bigint }[]>`
    INSERT INTO "counter" ("key", "count", "expiresAt") VALUES (${key}, 1, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "counter"."expiresAt" <= ${now} THEN 1 ELSE "counter"."count" + 1 END,
      "expiresAt" = CASE WHEN "counter"."expiresAt" <= ${now} THEN ${expiresAt} ELSE "counter"."expiresAt" END
    RETURNING "count", "expiresAt"`;
  const counted = { count: Number(row!.count), expiresAt: Number(row!.expiresAt) };
  // A window that just began is the moment to forget the ones that have ended, for every key.
  if (counted.count === 1) void db.counter.deleteMany({ where: { expiresAt: { lt: now } } }).catch(() => {});
  return counted;
}

const scaled = (limit: Limit) => limit.max * env.RATE_LIMIT_SCALE;
const secondsUntil = (time: number) => Math.ceil((time - Date.now()) / 1000);

/** Counts a request; the seconds until the next one is allowed when this one is over the limit, else 0. */
export async function countRequest(key: string, limit: Limit): Promise<number> {
  const { count: seen, expiresAt } = await count(`request:${key}`, limit.windowSeconds);
  return seen > scaled(limit) ? secondsUntil(expiresAt) : 0;
}

/** Seconds until wrong answers may be tried again, or 0 while there is room. */
export async function failuresBlockedFor(key: string, limit: Limit): Promise<number> {
  const row = await db.counter.findUnique({ where: { key: `failures:${key}` }, select: { count: true, expiresAt: true } });
  if (!row || Number(row.expiresAt) <= Date.now() || row.count < limit.max) return 0;
  return secondsUntil(Number(row.expiresAt));
}

export async function countFailure(key: string, limit: Limit) {
  await count(`failures:${key}`, limit.windowSeconds);
}

export async function clearFailures(key: string) {
  await db.counter.deleteMany({ where: { key: `failures:${key}` } });
}
