import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

/**
 * Counts attempts per key in a fixed window, in the table better-auth keeps its own rate limits in,
 * so the count holds across restarts and instances. Wrong answers to a secret (a password, a code)
 * are counted per account, not per address: someone guessing from many addresses is still one
 * guesser. Requests to our own routes are counted per client address (lib/api/rate-limit).
 */
export type AttemptRule = { max: number; windowMs: number };

/** Seconds until another attempt is allowed, or 0 when one is allowed now. */
export async function attemptsBlockedFor(key: string, { max, windowMs }: AttemptRule): Promise<number> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row || row.count < max) return 0;
  const reopensAt = Number(row.lastRequest) + windowMs;
  return Math.max(0, Math.ceil((reopensAt - Date.now()) / 1000));
}

export async function countAttempt(key: string, { windowMs }: AttemptRule) {
  const now = Date.now();
  // A window that has run out starts over; lastRequest marks when the current window began.
  await db.rateLimit.deleteMany({ where: { key, lastRequest: { lte: BigInt(now - windowMs) } } });
  const { count } = await db.rateLimit.updateMany({ where: { key }, data: { count: { increment: 1 } } });
  if (count > 0) return;
  try {
    await db.rateLimit.create({ data: { id: randomUUID(), key, count: 1, lastRequest: BigInt(now) } });
  } catch {
    // Another failure created it first: count this one on top.
    await db.rateLimit.updateMany({ where: { key }, data: { count: { increment: 1 } } });
  }
}

export async function clearAttempts(key: string) {
  await db.rateLimit.deleteMany({ where: { key } });
}
