import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs development with no settings at all, on the embedded database", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBe("file:./data/bastion.db");
    expect(env.BETTER_AUTH_URL).toBe("http://localhost:3000");
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("stops production without a secret, a base URL or SMTP, naming each", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    try {
      parseEnv({ NODE_ENV: "production" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("BETTER_AUTH_SECRET is required in production");
      expect(message).toContain("BETTER_AUTH_URL is required in production");
      expect(message).toContain("SMTP_URL is required in production");
    }
  });

  it("accepts a complete production environment", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: "Zq3v9Yk1Lw7Rt2Xp5Nc8Hb4Md6Fg0Js1Ae3Ui5Oy7",
      BETTER_AUTH_URL: "https://accounts.example.com",
      SMTP_URL: "smtps://user:pass@smtp.example.com:465",
    });
    expect(env.production).toBe(true);
    expect(env.BETTER_AUTH_URL).toBe("https://accounts.example.com");
  });

  it("refuses a secret anyone can read or guess, and plain http beyond this machine, in production", () => {
    const production = { NODE_ENV: "production", BETTER_AUTH_URL: "https://accounts.example.com", SMTP_URL: "smtp://127.0.0.1:25" };
    expect(() => parseEnv({ ...production, BETTER_AUTH_SECRET: "bastion-development-secret-never-use-in-production" })).toThrow(/BETTER_AUTH_SECRET is the development secret.*openssl rand -base64 32/);
    for (const secret of ["a".repeat(40), "password".repeat(5), "0123456789".repeat(4), "abcdefghijklmnopqrstuvwxyz012345".repeat(2)]) {
      expect(() => parseEnv({ ...production, BETTER_AUTH_SECRET: secret }), secret).toThrow(/BETTER_AUTH_SECRET is too easy to guess/);
    }
    const secret = "Zq3v9Yk1Lw7Rt2Xp5Nc8Hb4Md6Fg0Js1Ae3Ui5Oy7";
    expect(() => parseEnv({ ...production, BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: "http://accounts.example.com" })).toThrow(/BETTER_AUTH_URL must be an https:\/\/ URL in production/);
    expect(parseEnv({ ...production, BETTER_AUTH_SECRET: secret, BETTER_AUTH_URL: "http://127.0.0.1:3000" }).BETTER_AUTH_URL).toBe("http://127.0.0.1:3000");
    // openssl rand -hex 32
    expect(parseEnv({ ...production, BETTER_AUTH_SECRET: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" }).production).toBe(true);
  });

  it("lets a production build run without the runtime secrets", () => {
    expect(parseEnv({ NODE_ENV: "production" }, { requireProductionSettings: false }).production).toBe(true);
  });

  it("takes PostgreSQL, libSQL and SQLite file URLs and names the kinds it takes for anything else", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://bastion@db.example.com:5432/bastion" }).DATABASE_URL).toMatch(/^postgres:/);
    expect(parseEnv({ DATABASE_URL: "libsql://bastion-acme.turso.io", DATABASE_AUTH_TOKEN: "token" }).DATABASE_AUTH_TOKEN).toBe("token");
    expect(() => parseEnv({ DATABASE_URL: "mysql://root@localhost/bastion" })).toThrow(
      /DATABASE_URL must start with file: or libsql: \(SQLite, Turso\) or postgres:\/\/ \(PostgreSQL\)/,
    );
  });

  it("refuses a short secret and a URL of the wrong kind", () => {
    expect(() => parseEnv({ BETTER_AUTH_SECRET: "short" })).toThrow(/BETTER_AUTH_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ SMTP_URL: "http://mail.example.com" })).toThrow(/SMTP_URL must be an smtp/);
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ NODE_ENV: "development", SMTP_URL: "" }).SMTP_URL).toBeUndefined();
  });
});

describe("RATE_LIMIT_SCALE", () => {
  it("defaults to 1 and refuses 0, which would switch limits off", () => {
    expect(parseEnv({}).RATE_LIMIT_SCALE).toBe(1);
    expect(parseEnv({ RATE_LIMIT_SCALE: "100" }).RATE_LIMIT_SCALE).toBe(100);
    expect(() => parseEnv({ RATE_LIMIT_SCALE: "0" })).toThrow(/RATE_LIMIT_SCALE must be 1 or more/);
  });
});

describe("TRUSTED_PROXIES", () => {
  it("is empty unless set, and takes addresses and ranges separated by commas", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.5, 10.1.0.0/16,::1" }).TRUSTED_PROXIES).toEqual(["10.0.0.5", "10.1.0.0/16", "::1"]);
  });

  it("refuses anything that is not an address or a range, rather than trusting nothing quietly", () => {
    expect(() => parseEnv({ TRUSTED_PROXIES: "10.0.0.5,proxy.internal" })).toThrow(/TRUSTED_PROXIES must be IP addresses or CIDR ranges/);
    expect(() => parseEnv({ TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("sign-in providers", () => {
  it("are off unless configured, and a half-configured one is named", () => {
    expect(parseEnv({}).OIDC_ISSUER).toBeUndefined();
    expect(() => parseEnv({ OIDC_ISSUER: "https://id.example.com", OIDC_CLIENT_ID: "bastion" })).toThrow(
      "OIDC_CLIENT_SECRET must be set too, or none of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET",
    );
    expect(() => parseEnv({ GITHUB_CLIENT_SECRET: "s" })).toThrow("GITHUB_CLIENT_ID must be set too");
  });
});

describe("REDIS_URL", () => {
  it("is unset unless given, and takes redis:// and rediss:// URLs only", () => {
    expect(parseEnv({}).REDIS_URL).toBeUndefined();
    expect(parseEnv({ REDIS_URL: "rediss://:secret@cache.example.com:6380" }).REDIS_URL).toBe("rediss://:secret@cache.example.com:6380");
    expect(() => parseEnv({ REDIS_URL: "127.0.0.1:6379" })).toThrow("REDIS_URL must be a redis:// or rediss:// URL");
    expect(parseEnv({}).REDIS_KEY_PREFIX).toBe("bastion:");
  });
});
