import "server-only";
import { redisStorage } from "@better-auth/redis-storage";
import type { SecondaryStorage } from "@better-auth/core/db";
import { Redis } from "ioredis";
import { env } from "@/lib/env";

/** Redis did not answer: the request is refused with 503 before it changes anything (lib/api/errors). */
export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
}

function createClient(url: string) {
  const client = new Redis(url, {
    // A request waits at most this long for Redis, then answers 503 instead of hanging.
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    // Commands sent while it reconnects fail after one more try, not after twenty.
    maxRetriesPerRequest: 1,
    // Reconnect for ever: the app recovers by itself when Redis is back.
    retryStrategy: (times) => Math.min(times * 100, 1_000),
  });
  // ioredis reports every failed reconnect; one line per outage is enough, without the URL (it can hold a password).
  let reported = false;
  client.on("error", (error) => {
    if (reported) return;
    reported = true;
    console.error(`redis: not answering (${error.message}); requests that need it answer 503 until it is back`);
  });
  client.on("ready", () => {
    if (reported) console.error("redis: answering again");
    reported = false;
  });
  return client;
}

// One connection per process: development reloads modules, and Next's server bundles may load this one more than once.
const globalForRedis = globalThis as unknown as { redis?: Redis };

/** The shared Redis, when REDIS_URL is set; undefined means the database holds everything. */
export const redis: Redis | undefined = env.REDIS_URL ? (globalForRedis.redis ??= createClient(env.REDIS_URL)) : undefined;

// Set when a connection that was up goes down, cleared when it is back: until then nothing waits for it.
let lost = false;
redis?.on("close", () => (lost = true));
redis?.on("ready", () => (lost = false));

/**
 * Not configured, connected, or still making its first connection (commands wait for that one);
 * false from an outage until Redis is back.
 */
export const redisAnswering = () => !redis || redis.status === "ready" || (!lost && (redis.status === "connecting" || redis.status === "connect"));

/** Keys of ours (counters), beside better-auth's, under the one prefix. */
export const redisKey = (key: string) => `${env.REDIS_KEY_PREFIX}${key}`;

/** Runs a Redis command; any failure of Redis's becomes a RedisUnavailableError. */
export async function inRedis<T>(command: (client: Redis) => T | Promise<T>): Promise<Awaited<T>> {
  try {
    return await command(redis!);
  } catch (error) {
    throw new RedisUnavailableError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * better-auth's secondary storage on the same connection: its failures are RedisUnavailableErrors
 * too, so one mapping turns them into 503s.
 */
export const secondaryStorage: SecondaryStorage | undefined = redis && guarded(redisStorage({ client: redis, keyPrefix: env.REDIS_KEY_PREFIX }));

function guarded(storage: SecondaryStorage): SecondaryStorage {
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => R) =>
    (...args: A) =>
      inRedis(async () => await call(...args));
  return {
    get: wrap(storage.get),
    getAndDelete: wrap(storage.getAndDelete),
    increment: wrap(storage.increment),
    set: wrap(storage.set),
    delete: wrap(storage.delete),
  };
}
