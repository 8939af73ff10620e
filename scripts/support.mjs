// What the bench and the load script share: options, a free port, a mail sink, a database of their
// own and a production server started with `npm start` (scripts/start.mjs).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import pg from "pg";
import { SMTPServer } from "smtp-server";

export const DEFAULT_POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** `--name value`, or true for a bare `--name`, or the fallback when it is missing. */
export function option(name, fallback) {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = args[index + 1];
  return value && !value.startsWith("--") ? value : true;
}

export function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", ...options });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(" ")} failed`);
}

export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A mail server that keeps the last message to each address, for the links in it. */
export async function startMailSink() {
  const mails = new Map();
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    async onData(stream, session, callback) {
      const parsed = await simpleParser(stream);
      for (const rcpt of session.envelope.rcptTo) mails.set(rcpt.address.toLowerCase(), parsed.text ?? "");
      callback();
    },
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  /** The first link in the last mail to the address, once it has come. */
  const linkFor = async (address, timeoutMs = 30_000) => {
    for (const started = Date.now(); !mails.has(address.toLowerCase()); ) {
      if (Date.now() - started > timeoutMs) throw new Error(`no mail to ${address}`);
      await sleep(100);
    }
    return mails.get(address.toLowerCase()).match(/https?:\/\/\S+/)[0];
  };
  return { url: `smtp://127.0.0.1:${port}`, mails, linkFor, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/** A SQLite file in `folder`, or with an admin URL a PostgreSQL database created for this run and dropped after. */
export async function prepareDatabase({ folder, adminUrl, name }) {
  if (!adminUrl) {
    const file = join(folder, `${name}-${process.pid}.db`);
    return {
      url: `file:${file}`,
      label: "SQLite",
      drop: async () => {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  const database = `bastion_${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return {
    url: url.href,
    label: "PostgreSQL",
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * `npm start` in `cwd`: migrations, then the standalone server. Its output lines go to `onLine`
 * (the bench counts Prisma's query log there).
 */
export async function startServer({ cwd, env, onLine = () => {} }) {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOSTNAME: "127.0.0.1", BETTER_AUTH_URL: baseURL, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let buffer = "";
  child.stdout.on("data", (chunk) => {
    buffer += chunk;
    const lines = buffer.split("\n");
    buffer = lines.pop();
    for (const line of lines) onLine(line);
  });
  return serving(child, baseURL, "/api/health");
}

/** A server process, once `readyPath` answers: its address, its pid, and how to stop it. */
export async function serving(child, baseURL, readyPath) {
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${baseURL}${readyPath}`)).ok) break;
    } catch {}
    if (tries > 120 || child.exitCode !== null) throw new Error(`the server at ${baseURL} did not start`);
    await sleep(500);
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill();
    await exited;
  };
  return { baseURL, pid: child.pid, stop };
}

/** The name=value pairs of the cookies an answer sets (a cleared one left out), as a Cookie header. */
export const cookieOf = (setCookies) =>
  setCookies
    .map((cookie) => cookie.split(";")[0])
    .filter((pair) => pair.split("=")[1])
    .join("; ");

export const table = (rows) => {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows.map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join("  ")).join("\n");
};

/** Signs up, opens the mailed link and signs in from two more devices: the person the pages show. */
export async function createPerson(baseURL, mail) {
  const email = `bench-${process.pid}@bastion.test`;
  const password = `bench password ${randomBytes(6).toString("hex")}`;
  const headers = { "content-type": "application/json", origin: baseURL };
  const signUp = await fetch(`${baseURL}/api/auth/sign-up/email`, { method: "POST", headers, body: JSON.stringify({ name: "Bench Person", email, password }) });
  if (!signUp.ok) throw new Error(`sign-up: ${signUp.status} ${await signUp.text()}`);
  const link = await mail.linkFor(email);
  await fetch(link, { redirect: "manual" });
  const agents = ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15"];
  for (const agent of agents) await fetch(`${baseURL}/api/auth/sign-in/email`, { method: "POST", headers: { ...headers, "user-agent": agent }, body: JSON.stringify({ email, password }) });
  const signIn = await fetch(`${baseURL}/api/auth/sign-in/email`, { method: "POST", headers, body: JSON.stringify({ email, password }) });
  if (!signIn.ok) throw new Error(`sign-in: ${signIn.status}`);
  return cookieOf(signIn.headers.getSetCookie());
}
