/**
 * The pages' one way to call the server, ours and better-auth's alike: every refusal arrives as
 * { error: { code, message } } with a message written for the person at the form (lib/api/errors).
 */
export type ApiFailure = { code: string; message: string; status: number };
export type ApiResult<T> = { data: T; error: null } | { data: null; error: ApiFailure };

const UNREACHABLE: ApiFailure = { code: "NETWORK_ERROR", message: "Could not reach the server. Check your connection and try again.", status: 0 };
const UNREADABLE = "Something went wrong. Try again in a moment.";

/** A JSON body, or a file sent as it is (the avatar upload). */
export async function callApi<T = unknown>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<ApiResult<T>> {
  const file = typeof Blob !== "undefined" && body instanceof Blob;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": file ? body.type : "application/json" },
      body: body === undefined ? undefined : file ? body : JSON.stringify(body),
    });
  } catch {
    return { data: null, error: UNREACHABLE };
  }
  const parsed: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { data: parsed as T, error: null };
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    data: null,
    error: {
      code: typeof error?.code === "string" ? error.code : "INTERNAL_ERROR",
      message: typeof error?.message === "string" ? error.message : UNREADABLE,
      status: response.status,
    },
  };
}

/** better-auth's answer to a provider sign-in or link: where the browser goes next. */
export async function goToProvider(path: "/api/auth/sign-in/social" | "/api/auth/link-social", body: Record<string, unknown>): Promise<ApiResult<{ url: string }>> {
  const result = await callApi<{ url: string }>("POST", path, body);
  if (result.data) window.location.assign(result.data.url);
  return result;
}
