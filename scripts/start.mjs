#!/usr/bin/env node
// `npm start` and the Docker image's command: apply pending migrations, then run the standalone
// server that `npm run build` made. Listens on PORT (3000) and HOSTNAME (0.0.0.0).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import http from "node:http";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import nextEnv from "@next/env";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const server = join(root, ".next/standalone/server.js");

if (!existsSync(server)) {
  console.error("Bastion has not been built: run npm run build first.");
  process.exit(1);
}

// The standalone server runs in production and reads no .env file of the project's; read them here
// (.env.production.local, .env.local, .env.production, .env), as `next start` would.
process.env.NODE_ENV = "production";
nextEnv.loadEnvConfig(root, false);

// The server changes into .next/standalone, so a relative SQLite path would open another file than
// the one just migrated. Anchor it to the project folder, where `npm run dev` keeps it too.
// The default is lib/database-url.ts's DEFAULT_DATABASE_URL.
const url = process.env.DATABASE_URL || "file:./data/bastion.db";
if (url.startsWith("file:") && !url.startsWith("file://") && !isAbsolute(url.slice("file:".length))) {
  process.env.DATABASE_URL = `file:${resolve(root, url.slice("file:".length))}`;
}

// Instances started together (a scaled-out deployment) migrate one at a time under PostgreSQL's
// advisory lock, and Prisma gives up on waiting for it after 10 s: the later ones try again.
let migrate;
for (let attempt = 1; ; attempt++) {
  migrate = spawnSync(process.execPath, [join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: process.env,
    encoding: "utf8",
  });
  process.stdout.write(migrate.stdout);
  process.stderr.write(migrate.stderr);
  if (migrate.status === 0 || attempt === 6 || !`${migrate.stdout}${migrate.stderr}`.includes("advisory lock")) break;
  console.error("Another instance holds the migration lock; trying again.");
}
if (migrate.status !== 0) {
  console.error("Bastion did not start: the database migrations failed (see above).");
  process.exit(migrate.status ?? 1);
}

// Next fills X-Forwarded-For from the connection only when a request arrives without one, so a client
// talking to the server directly could name any address, and get a fresh rate-limit allowance with
// each. The connection's address is the one the client cannot choose: it replaces the header, or,
// behind TRUSTED_PROXIES, ends the chain the proxies wrote (better-auth reads the chain from the
// right, skipping trusted hops, so a client that bypasses the proxy is still known by its own address).
const behindTrustedProxy = Boolean(process.env.TRUSTED_PROXIES?.trim());
const createServer = http.createServer;
http.createServer = function createServerWithClientAddress(...args) {
  const httpServer = createServer.apply(this, args);
  httpServer.prependListener("request", (request) => {
    const peer = request.socket.remoteAddress;
    const forwarded = request.headers["x-forwarded-for"];
    if (!peer) delete request.headers["x-forwarded-for"];
    else request.headers["x-forwarded-for"] = behindTrustedProxy && forwarded ? `${forwarded}, ${peer}` : peer;
  });
  return httpServer;
};

// Node closes an idle kept-alive connection after 5 s; a client or load balancer reusing it at that
// moment gets a reset (an ALB keeps idle connections for 60 s). Outlast them; the standalone server
// reads this variable.
process.env.KEEP_ALIVE_TIMEOUT ||= "65000";

await import(pathToFileURL(server).href);
