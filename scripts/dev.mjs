#!/usr/bin/env node
// npm run dev: `next dev` on PORT, or on 3000, or on the next free port when 3000 is taken, with
// BETTER_AUTH_URL naming that address unless it is set (in the environment or an .env file). Mailed
// links, the origin check and passkeys then all name the port the app is really on.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), true, { info: () => {}, error: console.error });

const isFree = (port) =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });

async function choosePort() {
  // A port asked for is used as it is: if it is taken, Next says so.
  if (process.env.PORT) return Number(process.env.PORT);
  for (let port = 3000; port < 3010; port++) if (await isFree(port)) return port;
  return 3000;
}

const port = await choosePort();
const env = { ...process.env, PORT: String(port) };
if (!env.BETTER_AUTH_URL) env.BETTER_AUTH_URL = `http://localhost:${port}`;
if (port !== 3000 && !process.env.PORT) console.log(`Port 3000 is taken: the app runs on ${env.BETTER_AUTH_URL}`);

const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
const child = spawn(process.execPath, [next, "dev", "--port", String(port)], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
