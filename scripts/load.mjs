#!/usr/bin/env node
// npm run load [-- --people N] [-- --postgres [admin URL]] [-- --no-build]
//
// N people (40 by default) at the same moment, each from a loopback address of its own
// (127.0.0.0/8), so that no per-address limit is shared: sign up, open the mailed link, sign in,
// change the name, read both account pages. Then the database is read back: every person there,
// verified, with the new name. Prints each step's answers and latencies. Runs the project's own
// production build (`npm run build` first, unless --no-build) on a fresh SQLite file, or PostgreSQL
// in a database of its own with --postgres. Not part of npm test.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import pg from "pg";
import { DEFAULT_POSTGRES_ADMIN_URL, cookieOf, option, prepareDatabase, run, startMailSink, startServer, table } from "./support.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = join(root, ".bench");
const people = Number(option("people", 40));
const postgresAdmin = option("postgres", undefined);
const adminUrl = postgresAdmin === true ? DEFAULT_POSTGRES_ADMIN_URL : postgresAdmin;
const runId = randomBytes(3).toString("hex");

const log = (message) => console.error(`load: ${message}`);

/** 127.0.0.2, 127.0.0.3, …: every address in 127.0.0.0/8 is the loopback interface. */
const addressOf = (index) => `127.${Math.floor((index + 2) / 65536) % 256}.${Math.floor((index + 2) / 256) % 256}.${(index + 2) % 256}`;

/** One request on a connection of its own from `from`, so the server sees that client address. */
function send(baseURL, { method = "GET", path, body, cookie, from }) {
  const url = new URL(path, baseURL);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers = { origin: baseURL, ...(payload ? { "content-type": "application/json" } : {}), ...(cookie ? { cookie } : {}) };
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(url, { method, headers, localAddress: from, agent: false }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode,
          location: response.headers.location,
          cookie: cookieOf(response.headers["set-cookie"] ?? []),
          text: Buffer.concat(chunks).toString("utf8"),
          ms: performance.now() - started,
        }),
      );
    });
    request.on("error", (error) => resolve({ status: 0, error: error.message, ms: performance.now() - started, text: "" }));
    request.end(payload);
  });
}

const STEPS = ["sign up", "open the mailed link", "sign in", "change the name", "profile page", "security page"];

/** One person's journey; each step's answer is kept, and the journey stops at the first that fails. */
async function journey(baseURL, mail, index, start) {
  const from = addressOf(index);
  const email = `load-${runId}-${index}@bastion.test`;
  const password = `load password ${randomBytes(8).toString("hex")}`;
  const name = `Person ${index}, renamed`;
  const answers = [];
  const step = async (expected, request) => {
    const answer = await request();
    answers.push({ ...answer, ok: answer.status === expected });
    return answer.status === expected ? answer : undefined;
  };
  await start;
  if (!(await step(200, () => send(baseURL, { method: "POST", path: "/api/auth/sign-up/email", body: { name: `Person ${index}`, email, password }, from })))) return answers;
  const link = await mail.linkFor(email).catch(() => undefined);
  if (!link || !(await step(302, () => send(baseURL, { path: link, from })))) return answers;
  const signedIn = await step(200, () => send(baseURL, { method: "POST", path: "/api/auth/sign-in/email", body: { email, password }, from }));
  if (!signedIn) return answers;
  const cookie = signedIn.cookie;
  if (!(await step(200, () => send(baseURL, { method: "PUT", path: "/api/auth/users/me", body: { name }, cookie, from })))) return answers;
  const profile = await step(200, () => send(baseURL, { path: "/account/profile", cookie, from }));
  if (profile && !profile.text.includes(name)) profile.ok = false;
  await step(200, () => send(baseURL, { path: "/account/security", cookie, from }));
  return answers;
}

/** What the database holds for this run's people, read directly, not through the app. */
async function readBack(databaseUrl) {
  const sql = `SELECT u."email", u."name", u."emailVerified", (SELECT COUNT(*) FROM "session" s WHERE s."userId" = u."id") AS "sessions" FROM "user" u WHERE u."email" LIKE 'load-${runId}-%'`;
  if (databaseUrl.startsWith("file:")) {
    const client = createClient({ url: databaseUrl });
    const { rows } = await client.execute(sql);
    client.close();
    return rows.map((row) => ({ email: row.email, name: row.name, verified: Boolean(row.emailVerified), sessions: Number(row.sessions) }));
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query(sql);
  await client.end();
  return rows.map((row) => ({ email: row.email, name: row.name, verified: row.emailVerified, sessions: Number(row.sessions) }));
}

const percentile = (values, p) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function main() {
  mkdirSync(work, { recursive: true });
  if (!option("no-build", false)) {
    log("building (npm run build)");
    run("npm", ["run", "build", "--silent"], { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "ignore", "inherit"] });
  }
  const mail = await startMailSink();
  const database = await prepareDatabase({ folder: work, adminUrl, name: "load" });
  let failed = false;
  try {
    const server = await startServer({
      cwd: root,
      env: { DATABASE_URL: database.url, BETTER_AUTH_SECRET: randomBytes(32).toString("base64"), SMTP_URL: mail.url },
    });
    try {
      log(`${database.label}: ${people} people at the same moment, ${addressOf(0)} to ${addressOf(people - 1)}`);
      let go;
      const start = new Promise((resolve) => (go = resolve));
      const journeys = Array.from({ length: people }, (_, index) => journey(server.baseURL, mail, index, start));
      const began = performance.now();
      go();
      const results = await Promise.all(journeys);
      const seconds = (performance.now() - began) / 1000;

      const rows = [["step", "ok", "failed", "5xx", "p50 ms", "p99 ms", "max ms"]];
      STEPS.forEach((name, index) => {
        const answers = results.map((answers) => answers[index]).filter(Boolean);
        const ms = answers.map((answer) => answer.ms);
        const failures = answers.filter((answer) => !answer.ok);
        rows.push([name, answers.length - failures.length, failures.length, answers.filter((answer) => answer.status >= 500 || answer.status === 0).length, percentile(ms, 50).toFixed(0), percentile(ms, 99).toFixed(0), Math.max(0, ...ms).toFixed(0)]);
        for (const failure of failures.slice(0, 3)) log(`${name}: ${failure.status} ${failure.error ?? failure.text.slice(0, 160)}`);
      });
      const complete = results.filter((answers) => answers.length === STEPS.length && answers.every((answer) => answer.ok)).length;

      const stored = await readBack(database.url);
      const renamed = stored.filter((row) => /renamed$/.test(row.name)).length;
      const verified = stored.filter((row) => row.verified).length;
      const withSession = stored.filter((row) => row.sessions > 0).length;

      console.log(`\n${database.label}, ${people} people at once, all done in ${seconds.toFixed(1)} s\n`);
      console.log(table(rows));
      console.log(`\njourneys complete: ${complete} of ${people}`);
      console.log(`in the database: ${stored.length} accounts, ${verified} verified, ${renamed} with the new name, ${withSession} with a session\n`);
      failed = complete !== people || stored.length !== people || renamed !== people || verified !== people;
    } finally {
      await server.stop();
    }
  } finally {
    await mail.stop();
    await database.drop();
  }
  if (failed) process.exitCode = 1;
}

await main();
