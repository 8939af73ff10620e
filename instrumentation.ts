// Runs once when the server starts. Node-only start-up work lives in its own module so the Edge
// bundle of this file never sees Node APIs.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironment, prepareDatabase, purgeDeletionsPeriodically } = await import("./instrumentation-node");
    await checkEnvironment();
    await prepareDatabase();
    await purgeDeletionsPeriodically();
  }
}
