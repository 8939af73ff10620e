#!/usr/bin/env node
// npm run accounts:purge: deletes the accounts whose deletion grace period is over, through the
// running app (the services it calls are TypeScript, which this script cannot import). For a cron
// job beside `npm start` or the Docker image, e.g. `0 3 * * * cd /app && npm run accounts:purge`.
// The app also purges by itself when it starts and every hour; this is for hosts that sleep.
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

const secret = process.env.CRON_SECRET;
if (!secret) {
  console.error("accounts:purge needs CRON_SECRET, set the same for the app (16 characters or more).");
  process.exit(1);
}
// The app on this machine when it runs here, or wherever PURGE_URL says.
const base = process.env.PURGE_URL || `http://127.0.0.1:${process.env.PORT || 3000}`;
const answer = await fetch(`${base}/api/cron/purge-deletions`, { headers: { authorization: `Bearer ${secret}` } }).catch((error) => {
  console.error(`accounts:purge could not reach the app at ${base}: ${error.cause?.code ?? error.message}`);
  process.exit(1);
});
const body = await answer.json().catch(() => null);
if (!answer.ok) {
  console.error(`accounts:purge was refused (${answer.status}): ${body?.error?.message ?? "no reason given"}`);
  process.exit(1);
}
console.log(`accounts:purge: ${body.deleted} accounts deleted${body.failed > 0 ? `, ${body.failed} left for the next purge (see the app's log)` : ""}.`);
process.exit(body.failed > 0 ? 1 : 0);
