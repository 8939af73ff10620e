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
