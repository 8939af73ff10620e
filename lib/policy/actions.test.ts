import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, REFUSED, type Action } from "./actions";
import { findEndpoint } from "./match";

type AuthEndpoint = { path?: string; options?: { method?: string | string[]; metadata?: { SERVER_ONLY?: boolean } } };

let served: string[];

beforeAll(async () => {
  // Every plugin the app can load, the optional ones included: each provider is on when set.
  Object.assign(process.env, {
    GITHUB_CLIENT_ID: "id",
    GITHUB_CLIENT_SECRET: "secret",
    GOOGLE_CLIENT_ID: "id",
    GOOGLE_CLIENT_SECRET: "secret",
    OIDC_ISSUER: "http://127.0.0.1:9/",
    OIDC_CLIENT_ID: "id",
    OIDC_CLIENT_SECRET: "secret",
  });
  const { auth } = await import("@/lib/auth");
  // What better-auth's router serves over HTTP: every endpoint with a path, less the server-only ones.
  served = (Object.values(auth.api) as AuthEndpoint[]).flatMap((endpoint) => {
    if (!endpoint.path || !endpoint.options || endpoint.options.metadata?.SERVER_ONLY) return [];
    const methods = [endpoint.options.method ?? "GET"].flat();
    return methods.flatMap((method) => (method === "*" ? ["GET", "POST", "PUT", "PATCH", "DELETE"] : [method])).map((method) => `${method} /api/auth${endpoint.path}`);
  });
});

const actions = Object.entries(ACTIONS) as [string, Action][];
const tableEndpoints = actions.flatMap(([id, action]) => action.endpoints.map((endpoint) => ({ id, action, endpoint, key: `${endpoint.method} ${endpoint.path}` })));

describe("the action table", () => {
  it("classifies every endpoint better-auth serves over HTTP: an action of the table, or refused", () => {
    const classified = new Set([...tableEndpoints.filter(({ endpoint }) => endpoint.by === "better-auth").map(({ key }) => key), ...Object.keys(REFUSED)]);
    expect(served.filter((key) => !classified.has(key))).toEqual([]);
  });

  it("names no better-auth endpoint that better-auth does not serve", () => {
    const servedSet = new Set(served);
    const stale = [...tableEndpoints.filter(({ endpoint }) => endpoint.by === "better-auth").map(({ key }) => key), ...Object.keys(REFUSED)].filter((key) => !servedSet.has(key));
    expect(stale).toEqual([]);
  });

  it("refuses nothing it also serves", () => {
    expect(tableEndpoints.filter(({ key }) => key in REFUSED).map(({ key }) => key)).toEqual([]);
  });

  it("has a route handler exporting the method for each of our own endpoints", () => {
    for (const { key, endpoint } of tableEndpoints.filter(({ endpoint }) => endpoint.by === "route")) {
      const folder = endpoint.path.replace(/:(\w+)/g, "[$1]");
      const file = join(process.cwd(), "app", folder, "route.ts");
      expect(existsSync(file), key).toBe(true);
      expect(readFileSync(file, "utf8"), key).toMatch(new RegExp(`export (const|async function) ${endpoint.method}\\b`));
    }
  });

  it("finds each endpoint by its own path, and no other action's", () => {
    for (const { id, key, endpoint } of tableEndpoints) {
      const sample = endpoint.path.replace(/:(\w+)/g, "some-id");
      expect(findEndpoint(endpoint.method, sample)?.id, key).toBe(id);
    }
    expect(findEndpoint("GET", "/api/auth/list-sessions")).toBeNull();
    expect(findEndpoint("POST", "/api/auth/sign-in/email/extra")).toBeNull();
  });
});

describe("the README's security notes", () => {
  it("show the action table as it is (UPDATE_README=1 npx vitest run lib/policy rewrites them)", async () => {
    const { actionsMarkdown } = await import("./readme");
    const readmePath = join(process.cwd(), "README.md");
    const readme = readFileSync(readmePath, "utf8");
    const [start, end] = ["<!-- actions:start -->\n", "\n<!-- actions:end -->"];
    const [from, to] = [readme.indexOf(start) + start.length, readme.indexOf(end)];
    if (process.env.UPDATE_README === "1") writeFileSync(readmePath, readme.slice(0, from) + actionsMarkdown() + readme.slice(to));
    else expect(readme.slice(from, to)).toBe(actionsMarkdown());
  });
});
