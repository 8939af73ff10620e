import "server-only";
import { ACTIONS, type Action, type ActionId, type Endpoint } from "./actions";

export type Match = { id: ActionId; action: Action; endpoint: Endpoint; params: Record<string, string> };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const compiled = Object.entries(ACTIONS).flatMap(([id, action]) =>
  (action as Action).endpoints.map((endpoint) => {
    const names: string[] = [];
    const source = endpoint.path
      .split("/")
      .map((segment) => (segment.startsWith(":") ? (names.push(segment.slice(1)), "([^/]+)") : escape(segment)))
      .join("/");
    return { id: id as ActionId, action: action as Action, endpoint, names, pattern: new RegExp(`^${source}$`) };
  }),
);

/** The action and endpoint an HTTP request is for, or null: then it is not served. */
export function findEndpoint(method: string, pathname: string): Match | null {
  for (const entry of compiled) {
    if (entry.endpoint.method !== method) continue;
    const found = entry.pattern.exec(pathname);
    if (!found) continue;
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(entry.names.map((name, index) => [name, decodeURIComponent(found[index + 1]!)]));
    } catch {
      return null;
    }
    return { id: entry.id, action: entry.action, endpoint: entry.endpoint, params };
  }
  return null;
}

// By the path template better-auth's hooks see (`/change-email`, `/callback/:id`): read on every request.
const byBetterAuthPath = new Map(
  compiled.filter((entry) => entry.endpoint.by === "better-auth").map((entry) => [entry.endpoint.path.slice("/api/auth".length), { id: entry.id, action: entry.action }]),
);

/**
 * The action behind a better-auth endpoint as its hooks name it (`/change-email`), whether it was
 * called over HTTP or by our own routes through auth.api.
 */
export function findBetterAuthAction(path: string): { id: ActionId; action: Action } | null {
  return byBetterAuthPath.get(path) ?? null;
}
