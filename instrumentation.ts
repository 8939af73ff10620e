// Runs once when the server starts: importing lib/env validates the environment, so a production
// server with a missing setting stops here with a message naming it, before it answers any request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/env");
  }
}
