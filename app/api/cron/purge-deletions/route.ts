import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { purgeScheduledDeletions } from "@/lib/account/deletion";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

const sameSecret = (given: string, expected: string) => given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/**
 * Deletes the accounts whose grace period is over: for a scheduler (Vercel Cron, or cron running
 * `npm run accounts:purge`), with CRON_SECRET as its bearer token. The server also purges by itself
 * when it starts and every hour (instrumentation-node.ts); this is for hosts that sleep.
 */
export async function GET(request: Request) {
  if (!env.CRON_SECRET) return new ApiError("NOT_FOUND", "Set CRON_SECRET to purge from a scheduler.").toResponse();
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!sameSecret(given, env.CRON_SECRET)) return new ApiError("UNAUTHORIZED", "The purge needs CRON_SECRET as its bearer token.").toResponse();
  return NextResponse.json(await purgeScheduledDeletions());
}
