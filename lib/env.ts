import { existsSync } from "node:fs";
import { findInvalidTrustedProxies } from "@better-auth/core/utils/ip";
import { z } from "zod";
import { DATABASE_URL_HINT, DEFAULT_DATABASE_URL, providerOf } from "./database-url";

// Used only outside production, so a fresh clone runs with no .env at all.
const DEVELOPMENT_SECRET = "bastion-development-secret-never-use-in-production";
const DEVELOPMENT_URL = "http://localhost:3000";

const PRODUCTION_SETTINGS = {
  BETTER_AUTH_SECRET: "a random secret of at least 32 characters (openssl rand -base64 32)",
  BETTER_AUTH_URL: "the public URL of the app, for example https://accounts.example.com",
  SMTP_URL: "an SMTP server to send mail through, for example smtps://user:password@smtp.example.com",
} as const;

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => providerOf(url) !== undefined, { error: DATABASE_URL_HINT }),
  // Turso and other remote libSQL servers: the database token. Not used with file: or postgres:// URLs.
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters long").optional(),
  BETTER_AUTH_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().min(3).default("Bastion <no-reply@localhost>"),
  APP_NAME: z.string().min(1).default("Bastion"),
  RATE_LIMIT_SCALE: z.coerce.number().int("must be a whole number").min(1, "must be 1 or more").default(1),
  // Prints every SQL statement (Prisma's query log): for finding what a request asks of the database.
  DATABASE_LOG_QUERIES: z.stringbool().default(false),
  // The reverse proxies in front of the app (addresses or CIDR ranges, comma-separated). Only behind
  // one of them is X-Forwarded-For believed; without any, the client is whoever opened the connection.
  TRUSTED_PROXIES: z
    .string()
    .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
    .refine((entries) => findInvalidTrustedProxies(entries).length === 0, {
      error: "must be IP addresses or CIDR ranges separated by commas, for example 10.0.0.5,10.1.0.0/16",
    })
    .default([]),
  // More than one instance: rate limits, step-up counters, sessions and verification values shared
  // through Redis (lib/redis). Unset, they live in the database alone.
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL, for example redis://127.0.0.1:6379" }).optional(),
  // Several apps on one Redis keep apart by prefix.
  REDIS_KEY_PREFIX: z.string().min(1).default("bastion:"),
  // How long a confirmed deletion waits before it happens, in days: the owner can sign in and keep the
  // account meanwhile. 0 deletes at once.
  DELETION_GRACE_DAYS: z.coerce.number().int("must be a whole number of days").min(0, "must be 0 or more").max(365, "must be at most 365").default(7),
  // The bearer secret a scheduler sends to /api/cron/purge-deletions (Vercel Cron sends CRON_SECRET so).
  CRON_SECRET: z.string().min(16, "must be at least 16 characters long").optional(),
  // An operator's own MaxMind city database (GeoLite2 or GeoIP2 City) instead of the DB-IP one we ship.
  GEOIP_DB: z
    .string()
    .refine((file) => existsSync(file), { error: "must be the path of a MaxMind .mmdb city database that exists on this machine" })
    .optional(),
  // Set by Vercel on its own servers: only there are its geolocation headers the platform's, not a client's.
  VERCEL: z.string().optional(),
  // Sign-in providers: each is on when its id and secret are set.
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be the issuer's http(s) URL" }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("OpenID Connect"),
});

// A provider half-configured is a mistake to report, not a provider to leave out quietly.
const PROVIDER_SETTINGS = [
  ["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET"],
  ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
  ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"],
] as const;

/**
 * Whether a secret has too little randomness in it to sign sessions with, however long it is: few
 * distinct characters ("0123456789" repeated), or one short piece repeated. A secret from
 * `openssl rand` has at least the 16 characters of hex.
 */
export function isGuessableSecret(secret: string): boolean {
  if (new Set(secret).size < 16) return true;
  for (let period = 1; period <= secret.length / 2; period++) {
    if (secret.length % period === 0 && secret.slice(0, period).repeat(secret.length / period) === secret) return true;
  }
  return false;
}

const isLoopbackUrl = (url: string) => ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname);

export type Env = ReturnType<typeof parseEnv>;

export class EnvError extends Error {
  override name = "EnvError";
}

/**
 * Reads and validates the environment. Throws one sentence per bad variable, naming it.
 * `requireProductionSettings` is off only while `next build` runs: secrets belong to the server
 * that runs the app, not to the machine that builds it.
 */
export function parseEnv(source: Record<string, string | undefined>, { requireProductionSettings = true } = {}) {
  // An empty value in a .env file means "not set", not "set to nothing".
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(given);
  const problems = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  const production = result.data?.NODE_ENV === "production";
  if (result.success && production && requireProductionSettings) {
    for (const [name, what] of Object.entries(PRODUCTION_SETTINGS)) {
      if (!result.data[name as keyof typeof PRODUCTION_SETTINGS]) problems.push(`${name} is required in production: set it to ${what}`);
    }
    const { BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: url } = result.data;
    // Anyone can read this one in our source, and sign session cookies and step-up tokens with it.
    if (secret === DEVELOPMENT_SECRET) problems.push(`BETTER_AUTH_SECRET is the development secret written in lib/env.ts: set it to ${PRODUCTION_SETTINGS.BETTER_AUTH_SECRET}`);
    else if (secret && isGuessableSecret(secret)) problems.push(`BETTER_AUTH_SECRET is too easy to guess: set it to ${PRODUCTION_SETTINGS.BETTER_AUTH_SECRET}`);
    // Cookies and tokens would cross the network in the clear; this machine alone may use http.
    if (url?.startsWith("http:") && !isLoopbackUrl(url)) problems.push("BETTER_AUTH_URL must be an https:// URL in production (http:// only for localhost)");
  }
  if (result.success) {
    for (const group of PROVIDER_SETTINGS) {
      const missing = group.filter((name) => !result.data[name]);
      if (missing.length > 0 && missing.length < group.length) problems.push(`${missing.join(" and ")} must be set too, or none of ${group.join(", ")}`);
    }
  }
  if (!result.success || problems.length > 0) {
    throw new EnvError(`Bastion cannot start: ${problems.join("; ")}.`);
  }
  return {
    ...result.data,
    production,
    BETTER_AUTH_SECRET: result.data.BETTER_AUTH_SECRET ?? DEVELOPMENT_SECRET,
    BETTER_AUTH_URL: result.data.BETTER_AUTH_URL ?? DEVELOPMENT_URL,
  };
}

export const env = parseEnv(process.env, {
  requireProductionSettings: process.env.NEXT_PHASE !== "phase-production-build",
});

/**
 * In development the app may be opened at any loopback address and port (localhost or 127.0.0.1, a
 * second `npm run dev`): its own pages' requests are then trusted from there. Never in production.
 */
export const isDevelopmentOrigin = (origin: string) => !env.production && /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+$/.test(origin);
