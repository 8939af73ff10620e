import { db } from "@/lib/db";
import { redis } from "@/lib/redis";

export const dynamic = "force-dynamic";

// Shorter than a load balancer's or Docker's own timeout, so they get an answer rather than a hang.
const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** "ok", or "unreachable" with the reason logged: the error's message alone, since a driver's error object can carry the connection settings. */
async function check(name: string, probe: () => Promise<unknown>): Promise<"ok" | "unreachable"> {
  try {
    await withTimeout(probe(), CHECK_TIMEOUT_MS);
    return "ok";
  } catch (error) {
    console.error(`health: ${name} check failed: ${error instanceof Error ? error.message : String(error)}`);
    return "unreachable";
  }
}

/**
 * Liveness and readiness in one: the app answers, and so do its database and, when it has one, its
 * Redis. Docker's HEALTHCHECK and load balancers read the status; the body says which part failed,
 * never why in detail.
 */
export async function GET() {
  const [database, redisState] = await Promise.all([
    check("database", () => db.$queryRaw`SELECT 1`),
    redis ? check("redis", () => redis!.ping()) : undefined,
  ]);
  const parts = { database, ...(redisState ? { redis: redisState } : {}) };
  const ok = Object.values(parts).every((state) => state === "ok");
  return Response.json({ status: ok ? "ok" : "unavailable", ...parts }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
