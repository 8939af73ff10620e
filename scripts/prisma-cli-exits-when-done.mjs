// Imported by prisma.config.ts, which every Prisma CLI command loads before it starts its engine.
//
// Prisma's JavaScript schema engine (WebAssembly) times its wait for PostgreSQL's migration lock
// with a 10-second timer it never clears, so every `migrate deploy` on PostgreSQL stayed alive for
// 10 s after its work, and every start with it. Its timers are unref'd here: one still fires while
// the engine waits on the database, whose connection keeps the process alive, but no longer holds
// a finished CLI. (prisma.config.ts lets the pool's idle connections go for the same reason.)
import timers from "node:timers";

const setTimeout = timers.setTimeout;
function setTimeoutUnrefInWasm(...args) {
  const timer = setTimeout(...args);
  if (new Error().stack?.includes("wasm-function")) timer.unref();
  return timer;
}
timers.setTimeout = setTimeoutUnrefInWasm;
globalThis.setTimeout = setTimeoutUnrefInWasm;
