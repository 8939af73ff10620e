// Importing lib/env validates the environment. Next only logs an error thrown during start-up and
// goes on serving, so a bad setting ends the process here, before any request is answered.
export async function checkEnvironment() {
  try {
    await import("./lib/env");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/** Settings the database file keeps, applied once at start (see prepareDatabase). */
export async function prepareDatabase() {
  const { prepareDatabase } = await import("./lib/db");
  await prepareDatabase();
}

/**
 * Accounts whose deletion grace period is over go when the server starts, then every hour, each in a
 * transaction of its own (lib/account/deletion). A purge cut short leaves the rest for the next.
 */
export async function purgeDeletionsPeriodically() {
  const { purgeScheduledDeletions } = await import("./lib/account/deletion");
  const purge = () =>
    purgeScheduledDeletions().then(
      ({ deleted, failed }) => (deleted > 0 || failed > 0) && console.log(`[deletion] purge: ${deleted} accounts deleted, ${failed} left for the next`),
      (error: unknown) => console.error("[deletion] the purge could not run:", error instanceof Error ? error.message : error),
    );
  void purge();
  setInterval(purge, 60 * 60 * 1000).unref();
}
