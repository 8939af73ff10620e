// Runs once when the server starts. Importing lib/env validates the environment; Next only logs an
// error thrown here and goes on serving, so a bad setting ends the process before any request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await import("./lib/env");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
