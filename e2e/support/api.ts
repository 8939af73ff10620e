import { expect, test } from "@playwright/test";
import type { TestUser } from "../fixtures";
import { E2E_CRON_SECRET } from "./settings";

// The API is called the way a script calls it: plain HTTP with a bearer token and no cookie jar.
export const baseURL = () => String(test.info().project.use.baseURL);

type Call = { token?: string; cookie?: string; stepUp?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> };

export type Answer = {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
  text: string;
  headers: Headers;
};

export async function call(method: string, path: string, { token, cookie, stepUp, json, body, headers = {} }: Call = {}): Promise<Answer> {
  const response = await fetch(`${baseURL()}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(cookie ? { cookie, origin: baseURL() } : {}),
      ...(stepUp ? { "x-step-up-token": stepUp } : {}),
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : body,
    redirect: "manual",
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed as Answer["body"], text, headers: response.headers };
}

export const errorCode = (answer: { body: { error?: { code: string } } | null }) => answer.body?.error?.code;

/**
 * Signs in as an API client does and returns the bearer token from set-auth-token. Node's fetch sends
 * Sec-Fetch-Mode like a browser, so better-auth wants an Origin from it; curl needs none.
 */
export async function bearerToken(user: Pick<TestUser, "email" | "password">): Promise<string> {
  const response = await fetch(`${baseURL()}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseURL() },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const token = response.headers.get("set-auth-token");
  expect(token).toBeTruthy();
  return token!;
}

export async function stepUpToken(token: string, password: string, code?: string): Promise<string> {
  const answer = await call("POST", "/api/auth/users/me/step-up", { token, json: { password, ...(code ? { code } : {}) } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.token as string;
}

/** What a scheduler does: the purge of accounts whose deletion date has come. */
export async function purgeDeletions(): Promise<{ deleted: number; failed: number }> {
  const answer = await call("GET", "/api/cron/purge-deletions", { headers: { authorization: `Bearer ${E2E_CRON_SECRET}` } });
  expect(answer.status, answer.text).toBe(200);
  return answer.body as { deleted: number; failed: number };
}
