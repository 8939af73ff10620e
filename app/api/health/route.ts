import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// Shorter than a load balancer's or Docker's own timeout, so they get an answer rather than a hang.
const DATABASE_CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Liveness and readiness in one: the app answers and its database does. Docker's HEALTHCHECK and
 * load balancers read the status; the body says which part failed, never why in detail.
 */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, DATABASE_CHECK_TIMEOUT_MS);
    return Response.json({ status: "ok", database: "ok" }, { headers });
  } catch (error) {
    // The error's message alone: a driver's error object can carry the connection settings.
    console.error(`health: database check failed: ${error instanceof Error ? error.message : String(error)}`);
    return Response.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers });
  }
}
