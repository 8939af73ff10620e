#!/usr/bin/env node
// npm run bench:peer [-- --postgres [admin URL]] [-- --seconds N] [-- --rounds N] [-- --no-build]
//
// The server cost of a whole page load of Bastion's account pages beside better-auth-ui's (bench/peer:
// its account settings and security views as its Next.js guide sets them up, on the same better-auth,
// Next, React and database). Bastion draws its data into the first answer; better-auth-ui's pages are
// static and fill in from the API, so one of its loads is the page plus the API calls a browser makes
// for it (recorded here in Chromium; link prefetches left out on both sides). Both servers run on
// one machine, against one database and one signed-in session, measured in turns: loads per second
// at 10 connections and the server's CPU ms per load. Needs .bench/app from `npm run bench`; builds
// the peer in .bench/peer (npm ci from its own lockfile). Not part of npm test.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright";
import { DEFAULT_POSTGRES_ADMIN_URL, createPerson, freePort, option, prepareDatabase, run, serving, startMailSink, startServer, table } from "./support.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = join(root, ".bench");
const app = join(work, "app");
const peerCopy = join(work, "peer");

const seconds = Number(option("seconds", 8));
const rounds = Number(option("rounds", 3));
const connections = 10;
const postgresAdmin = option("postgres", undefined);
const adminUrl = postgresAdmin === true ? DEFAULT_POSTGRES_ADMIN_URL : postgresAdmin;
// One for both servers: the session Bastion signs in is one the peer reads too.
const secret = randomBytes(32).toString("base64");
const log = (message) => console.error(`bench:peer: ${message}`);

function buildPeer() {
  rmSync(peerCopy, { recursive: true, force: true });
  cpSync(join(root, "bench/peer"), peerCopy, { recursive: true });
  // Bastion's Prisma clients: the peer's better-auth reads the same tables.
  cpSync(join(root, "lib/generated"), join(peerCopy, "generated"), { recursive: true });
  log("installing the peer (npm ci, in .bench/peer)");
  run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: peerCopy, stdio: ["ignore", "ignore", "inherit"] });
  log("building the peer");
  run("npx", ["next", "build"], { cwd: peerCopy, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "ignore", "inherit"] });
  cpSync(join(peerCopy, ".next/static"), join(peerCopy, ".next/standalone/.next/static"), { recursive: true });
}

async function startPeer(databaseUrl) {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["server.js"], {
    cwd: join(peerCopy, ".next/standalone"),
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOSTNAME: "127.0.0.1", DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: baseURL },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return serving(child, baseURL, "/api/auth/ok");
}

/** What a browser asks the server for when it opens the page: the page, then its API calls. */
async function requestsOf(baseURL, path, cookie) {
  const chromiumPath = process.env.CHROMIUM_PATH || ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((file) => existsSync(file));
  const browser = await chromium.launch({ executablePath: chromiumPath });
  try {
    const context = await browser.newContext();
    await context.addCookies(cookie.split("; ").map((pair) => ({ name: pair.split("=")[0], value: pair.slice(pair.indexOf("=") + 1), url: baseURL })));
    const page = await context.newPage();
    const seen = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      // Scripts and styles are static files; _rsc requests are prefetches of the links on the page.
      if (request.method() === "GET" && !url.pathname.startsWith("/_next/") && !url.searchParams.has("_rsc")) seen.push(`${url.pathname}${url.search}`);
    });
    await page.goto(`${baseURL}${path}`, { waitUntil: "networkidle" });
    return seen;
  } finally {
    await browser.close();
  }
}

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
};

/** Whole loads, each connection asking for a load's requests one after another. */
async function measure(baseURL, pid, paths, cookie, duration) {
  const end = Date.now() + duration * 1000;
  const started = Date.now();
  const before = cpuMs(pid);
  let loads = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        for (const path of paths) {
          const response = await fetch(`${baseURL}${path}`, { headers: { cookie } });
          if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
          await response.arrayBuffer();
        }
        loads++;
      }
    }),
  );
  return { perSecond: loads / ((Date.now() - started) / 1000), cpu: (cpuMs(pid) - before) / loads };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  if (!existsSync(join(app, ".next/standalone/server.js"))) throw new Error("no .bench/app: run npm run bench first");
  if (!option("no-build", false)) buildPeer();
  const mail = await startMailSink();
  const database = await prepareDatabase({ folder: work, adminUrl, name: "peer" });
  try {
    const ours = await startServer({ cwd: app, env: { DATABASE_URL: database.url, BETTER_AUTH_SECRET: secret, SMTP_URL: mail.url, RATE_LIMIT_SCALE: "1000" } });
    const peer = await startPeer(database.url);
    try {
      const cookie = await createPerson(ours.baseURL, mail);
      const pairs = [
        ["profile", "/account/profile", "settings", "/account/settings"],
        ["security", "/account/security", "security", "/account/security"],
      ];
      const cases = [];
      for (const [ourName, ourPath, peerName, peerPath] of pairs) {
        cases.push({ name: `Bastion ${ourName}`, server: ours, paths: await requestsOf(ours.baseURL, ourPath, cookie) });
        cases.push({ name: `better-auth-ui ${peerName}`, server: peer, paths: await requestsOf(peer.baseURL, peerPath, cookie) });
      }
      log(`${database.label}, ${connections} connections, ${rounds} rounds of ${seconds} s per load`);
      for (const item of cases) await measure(item.server.baseURL, item.server.pid, item.paths, cookie, 2);
      const samples = new Map(cases.map((item) => [item.name, []]));
      for (let round = 0; round < rounds; round++) {
        for (const item of cases) samples.get(item.name).push(await measure(item.server.baseURL, item.server.pid, item.paths, cookie, seconds));
        log(`round ${round + 1} of ${rounds} done`);
      }
      const rows = [["load", "requests", "loads/s", "CPU ms/load", "CPU ÷ better-auth-ui's"]];
      for (let index = 0; index < cases.length; index += 2) {
        const [ourCase, peerCase] = [cases[index], cases[index + 1]];
        const [ourCpu, peerCpu] = [ourCase, peerCase].map((item) => median(samples.get(item.name).map((sample) => sample.cpu)));
        for (const [item, cpu] of [
          [ourCase, ourCpu],
          [peerCase, peerCpu],
        ]) {
          rows.push([item.name, item.paths.join(" "), median(samples.get(item.name).map((sample) => sample.perSecond)).toFixed(0), cpu.toFixed(2), item === ourCase ? (ourCpu / peerCpu).toFixed(2) : ""]);
        }
      }
      console.log(`\n${database.label}, ${connections} connections, median of ${rounds} rounds of ${seconds} s\n\n${table(rows)}\n`);
    } finally {
      await peer.stop();
      await ours.stop();
    }
  } finally {
    await mail.stop();
    await database.drop();
  }
}

await main();
