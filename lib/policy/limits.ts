import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { inRedis, redis, redisKey } from "@/lib/redis";
import type { Limit } from "./actions";

type Counted = { count: number; expiresAt: number };

/** Fixed-window counters: in Redis when there is one (shared by every instance, no database write), else in the database. */
type Counters = {
  /** Counts one and reads the result in one step, so two requests racing cannot both see room left. */
  count(key: string, windowSeconds: number): Promise<Counted>;
  read(key: string): Promise<Counted | null>;
  clear(key: string): Promise<void>;
};

const databaseCounters: Counters = {
  async count(key, windowSeconds) {
    const now = Date.now();
    const expiresAt = now + windowSeconds * 1000;
    // Starts the key's window over when the last one has run out, otherwise adds one.
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
  },
  async read(key) {
    const row = await db.counter.findUnique({ where: { key }, select: { count: true, expiresAt: true } });
    return row && Number(row.expiresAt) > Date.now() ? { count: row.count, expiresAt: Number(row.expiresAt) } : null;
  },
  async clear(key) {
    await db.counter.deleteMany({ where: { key } });
  },
};

// The window starts with the first count and Redis ends it (PEXPIRE); a key left without one gets it.
const COUNT_SCRIPT = `
local count = redis.call("INCR", KEYS[1])
if count == 1 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) end
local ttl = redis.call("PTTL", KEYS[1])
if ttl < 0 then redis.call("PEXPIRE", KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

const redisCounters: Counters = {
  async count(key, windowSeconds) {
    const [count, ttl] = (await inRedis((client) => client.eval(COUNT_SCRIPT, 1, redisKey(`counter:${key}`), windowSeconds * 1000))) as [number, number];
    return { count, expiresAt: Date.now() + ttl };
  },
  async read(key) {
    const [[, count], [, ttl]] = (await inRedis((client) => client.multi().get(redisKey(`counter:${key}`)).pttl(redisKey(`counter:${key}`)).exec()))! as [[unknown, string | null], [unknown, number]];
    return count === null || ttl <= 0 ? null : { count: Number(count), expiresAt: Date.now() + ttl };
  },
  async clear(key) {
    await inRedis((client) => client.del(redisKey(`counter:${key}`)));
  },
};

const counters = redis ? redisCounters : databaseCounters;

const scaled = (limit: Limit) => limit.max * env.RATE_LIMIT_SCALE;
const secondsUntil = (time: number) => Math.ceil((time - Date.now()) / 1000);

/** Counts a request; the seconds until the next one is allowed when this one is over the limit, else 0. */
export async function countRequest(key: string, limit: Limit): Promise<number> {
  const { count: seen, expiresAt } = await counters.count(`request:${key}`, limit.windowSeconds);
  return seen > scaled(limit) ? secondsUntil(expiresAt) : 0;
}

/** Seconds until wrong answers may be tried again, or 0 while there is room. */
export async function failuresBlockedFor(key: string, limit: Limit): Promise<number> {
  const row = await counters.read(`failures:${key}`);
  if (!row || row.count < limit.max) return 0;
  return secondsUntil(row.expiresAt);
}

export async function countFailure(key: string, limit: Limit) {
  await counters.count(`failures:${key}`, limit.windowSeconds);
}

export async function clearFailures(key: string) {
  await counters.clear(`failures:${key}`);
}
