import { NextResponse } from "next/server";
import { purgeScheduledDeletions } from "@/lib/account/deletion";
import { sessionlessRoute } from "@/lib/api/route";

/**
 * Deletes the accounts whose grace period is over: for a scheduler (Vercel Cron, or cron running
 * `npm run accounts:purge`), with CRON_SECRET as its bearer token. The server also purges by itself
 * when it starts and every hour (instrumentation-node.ts); this is for hosts that sleep.
 */
export const GET = sessionlessRoute("accounts.purge", async () => NextResponse.json(await purgeScheduledDeletions()));
