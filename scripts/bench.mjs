#!/usr/bin/env node
// npm run bench [-- --postgres [admin URL]] [-- --seconds N] [-- --rounds N]
//
// What an account page costs, beside what its markup alone costs. Builds once, in a copy of the
// project under .bench/ that adds twin pages (bench/twins: the same components on fixture data, with
// no session and no database), a plain dynamic page, and that page plus the session check; then, in
// one interleaved run on one server: requests per second, p50 and p99 at 10 connections, the ratios
// to the twin and the plain page, SQL statements (and writes) per request from the app's query log,
// and each page's client JavaScript.
// SQLite by default; PostgreSQL in a database of its own with --postgres. Not part of npm test.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { DEFAULT_POSTGRES_ADMIN_URL, createPerson, option, prepareDatabase, run, startMailSink, startServer, table } from "./support.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = join(root, ".bench");
const copy = join(work, "app");

const seconds = Number(option("seconds", 5));
const rounds = Number(option("rounds", 3));
const connections = 10;
const postgresAdmin = option("postgres", undefined);
const adminUrl = postgresAdmin === true ? DEFAULT_POSTGRES_ADMIN_URL : postgresAdmin;

// One for both servers, so the session signed in on the first holds on the second.
const secret = randomBytes(32).toString("base64");

const log = (message) => console.error(`bench: ${message}`);

/** The project as it is now (committed or not), plus the twins, built in a folder of its own. */
function build() {
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  const files = spawnSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" })
    .stdout.split("\0")
    .filter((file) => file && existsSync(join(root, file)));
  for (const file of files) cpSync(join(root, file), join(copy, file));
  cpSync(join(root, "lib/generated"), join(copy, "lib/generated"), { recursive: true });
  // Hard links: a copy of node_modules in a second, without the space.
  run("cp", ["-al", join(root, "node_modules"), join(copy, "node_modules")]);
  cpSync(join(root, "bench/twins/app"), join(copy, "app"), { recursive: true });
  log("building (next build, in .bench/app)");
  run("npm", ["run", "build", "--silent"], { cwd: copy, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "ignore", "inherit"] });
}

/** `npm start` in the copy. Statements are counted from its output (the app's query log: Prisma's lines, and lib/db.ts's readRows in the same form). */
async function startBenchServer({ databaseUrl, smtpUrl, logQueries }) {
  const statements = [];
  const server = await startServer({
    cwd: copy,
    env: {
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: secret,
      SMTP_URL: smtpUrl,
      // The bench signs in more often than a person would.
      RATE_LIMIT_SCALE: "1000",
      DATABASE_LOG_QUERIES: logQueries ? "true" : "false",
    },
    onLine: (line) => {
      if (line.startsWith("prisma:query")) statements.push(line.slice("prisma:query ".length));
    },
  });
  return { ...server, statements };
}

const TARGETS = [
  { name: "profile", path: "/account/profile", signedIn: true },
  { name: "profile twin", path: "/bench/account/profile" },
  { name: "security", path: "/account/security", signedIn: true },
  { name: "security twin", path: "/bench/account/security" },
  { name: "plain page", path: "/bench/plain" },
  { name: "session check", path: "/bench/session", signedIn: true },
];
const READS = [
  { name: "GET /api/auth/get-session", path: "/api/auth/get-session", signedIn: true },
  { name: "GET /api/auth/users/me", path: "/api/auth/users/me", signedIn: true },
];
const JS_PAGES = [
  { name: "sign-in", path: "/sign-in" },
  { name: "profile", path: "/account/profile", signedIn: true },
  { name: "security", path: "/account/security", signedIn: true },
  { name: "plain page", path: "/bench/plain" },
];

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout) || 100;

/**
 * CPU time the server process has used, in ms (Linux's /proc; null elsewhere). Per request it moves
 * far less between runs than req/s, which shares the cores with the load generator.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

async function load(server, target, cookie, duration = seconds) {
  const before = cpuMs(server.pid);
  const result = await autocannon({
    url: `${server.baseURL}${target.path}`,
    connections,
    duration,
    headers: target.signedIn ? { cookie } : {},
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${target.path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const after = cpuMs(server.pid);
  const cpu = before === null || after === null ? null : (after - before) / result.requests.total;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpu };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The scripts a page loads before it runs (the noModule polyfill is for old browsers only), gzipped. */
async function clientJavaScript(baseURL, page, cookie) {
  const html = await (await fetch(`${baseURL}${page.path}`, { headers: page.signedIn ? { cookie } : {} })).text();
  const sources = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map(([, attributes]) => attributes)
    .filter((attributes) => !/\bnoModule\b/i.test(attributes))
    .map((attributes) => attributes.match(/\bsrc="([^"]+)"/)?.[1])
    .filter(Boolean);
  let bytes = 0;
  for (const source of new Set(sources)) bytes += gzipSync(Buffer.from(await (await fetch(new URL(source, baseURL))).arrayBuffer())).length;
  return bytes;
}

const WRITE = /^\s*(INSERT|UPDATE|DELETE)\b/i;

async function countStatements(server, target, cookie, times = 20) {
  const before = server.statements.length;
  for (let i = 0; i < times; i++) {
    const response = await fetch(`${server.baseURL}${target.path}`, { headers: target.signedIn ? { cookie } : {}, redirect: "manual" });
    if (response.status !== 200) throw new Error(`${target.path}: ${response.status}`);
    await response.arrayBuffer();
  }
  // Work a request leaves for after its answer (Next's after()) is counted too.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const seen = server.statements.slice(before);
  return { statements: seen.length / times, writes: seen.filter((statement) => WRITE.test(statement)).length / times };
}

async function main() {
  mkdirSync(work, { recursive: true });
  if (!option("no-build", false)) build();
  const mail = await startMailSink();
  const database = await prepareDatabase({ folder: work, adminUrl, name: "bench" });
  try {
    // Statements first, on a server that logs them; then the timed run on one that does not.
    const counting = await startBenchServer({ databaseUrl: database.url, smtpUrl: mail.url, logQueries: true });
    let cookie;
    const counts = new Map();
    try {
      cookie = await createPerson(counting.baseURL, mail);
      for (const target of [...TARGETS, ...READS]) counts.set(target.name, await countStatements(counting, target, cookie));
    } finally {
      await counting.stop();
    }

    const server = await startBenchServer({ databaseUrl: database.url, smtpUrl: mail.url, logQueries: false });
    try {
      log(`${database.label}, ${connections} connections, ${rounds} interleaved rounds of ${seconds} s per page`);
      // Warm-up: the first requests to a page compile and cache what the rest reuse.
      for (const target of TARGETS) await load(server, target, cookie, 2);
      const samples = new Map(TARGETS.map((target) => [target.name, []]));
      for (let round = 0; round < rounds; round++) {
        for (const target of TARGETS) samples.get(target.name).push(await load(server, target, cookie));
        log(`round ${round + 1} of ${rounds} done`);
      }
      const figures = new Map(
        [...samples].map(([name, runs]) => [name, { rps: median(runs.map((r) => r.rps)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), cpu: runs[0].cpu === null ? null : median(runs.map((r) => r.cpu)) }]),
      );
      const plain = figures.get("plain page").rps;
      const js = new Map();
      for (const page of JS_PAGES) js.set(page.name, await clientJavaScript(server.baseURL, page, cookie));

      const rows = [["request", "req/s", "p50 ms", "p99 ms", "p99/p50", "÷ twin", "÷ plain", "CPU ms/req", "CPU ÷ twin", "SQL/req", "writes/req"]];
      for (const target of TARGETS) {
        const f = figures.get(target.name);
        const twin = figures.get(`${target.name} twin`);
        const count = counts.get(target.name);
        rows.push([target.name, f.rps.toFixed(0), f.p50, f.p99, (f.p99 / Math.max(f.p50, 1)).toFixed(1), twin ? (f.rps / twin.rps).toFixed(2) : "", (f.rps / plain).toFixed(2), f.cpu?.toFixed(2) ?? "", twin && f.cpu !== null ? (f.cpu / twin.cpu).toFixed(2) : "", count.statements.toFixed(1), count.writes.toFixed(1)]);
      }
      for (const read of READS) {
        const count = counts.get(read.name);
        rows.push([read.name, "", "", "", "", "", "", "", "", count.statements.toFixed(1), count.writes.toFixed(1)]);
      }
      console.log(`\n${database.label}, ${connections} connections, median of ${rounds} rounds of ${seconds} s\n`);
      console.log(table(rows));
      const jsRows = [["page", "client JS (gzip kB)", "÷ plain page"]];
      for (const page of JS_PAGES) jsRows.push([page.name, (js.get(page.name) / 1024).toFixed(1), (js.get(page.name) / js.get("plain page")).toFixed(2)]);
      console.log(`\n${table(jsRows)}\n`);
    } finally {
      await server.stop();
    }
  } finally {
    await mail.stop();
    await database.drop();
  }
}

await main();
