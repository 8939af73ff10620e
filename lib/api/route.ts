import "server-only";
import { isAPIError } from "better-auth/api";
import { recordSecurityEvent } from "@/lib/account/activity";
import { auth, type Session } from "@/lib/auth";
import { env, isDevelopmentOrigin } from "@/lib/env";
import { ACTIONS, type Action, type ActionId } from "@/lib/policy/actions";
import { apiKeyFrom, verifyApiKey } from "@/lib/account/api-keys";
import { accountRefusal, apiKeyScopeRefusal, deletionGraceRefusal, hasBearerToken, limitRefusal, proofRefusal } from "@/lib/policy/check";
import { clearFailures, countFailure, failuresBlockedFor } from "@/lib/policy/limits";
import { findEndpoint } from "@/lib/policy/match";
import { requestDevice, type RequestDevice } from "@/lib/request-device";
import { RedisUnavailableError, redisAnswering } from "@/lib/redis";
import { ApiError, betterAuthFailure, storeUnavailable, tooManyRequests } from "./errors";
import { parseJsonBody } from "./json-body";
import { BodyTooLargeError, readBodyWithLimit } from "./read-body";
import { validate } from "./validate";

export type RouteContext<Body = undefined, Params = Record<string, string>, Query = undefined> = {
  request: Request;
  session: Session;
  params: Params;
  query: Query;
  body: Body;
  /** The raw bytes of an upload endpoint's body, within its size limit. */
  upload: Uint8Array;
  /** Records the action's security event (its entry in the table) for this person and device. */
  record: (detail?: string) => Promise<void>;
};

const appOrigin = new URL(env.BETTER_AUTH_URL).origin;
const fromThisSite = (origin: string) => origin === appOrigin || isDevelopmentOrigin(origin);

// What a wrong answer to a secret says in the activity list.
const FAILURE_DETAILS: Record<string, string> = { INVALID_PASSWORD: "Wrong password", INVALID_CODE: "Wrong code", CODE_ALREADY_USED: "Code already used", INVALID_PASSKEY: "Passkey not accepted" };

/**
 * A personal API key (`Authorization: Bearer bastion_…`) acts as its owner, within its scope, on the
 * actions the table opens to keys; it has no sign-in time and cannot step up.
 */
async function sessionOfApiKey(headers: Headers, action: Action): Promise<Session | null> {
  const key = apiKeyFrom(headers);
  if (!key) return null;
  const principal = await verifyApiKey(key);
  if (!principal) throw new ApiError("UNAUTHORIZED", "This API key is not valid: it is unknown, has expired or has been revoked.");
  const refusal = apiKeyScopeRefusal(action, principal.scope);
  if (refusal) throw refusal;
  const user = await (await auth.$context).internalAdapter.findUserById(principal.userId);
  if (!user) throw new ApiError("UNAUTHORIZED", "This API key is not valid: it is unknown, has expired or has been revoked.");
  const { keyId, createdAt, expiresAt } = principal;
  const session = { id: `api-key:${keyId}`, token: "", userId: user.id, createdAt, updatedAt: createdAt, expiresAt: expiresAt ?? new Date(8.64e15), ipAddress: null, userAgent: null, signedInAt: null };
  return { user, session } as unknown as Session;
}

function toResponse(error: unknown, request: Request): Response {
  if (error instanceof ApiError) return error.toResponse();
  if (error instanceof RedisUnavailableError || !redisAnswering()) return storeUnavailable().toResponse();
  if (isAPIError(error)) return betterAuthFailure(error).toResponse();
  // Not a refusal but a fault: logged for the operator, answered in the one shape all the same.
  console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed:`, error);
  return new ApiError("INTERNAL_ERROR", "Something went wrong on our side. Try again in a moment.").toResponse();
}

async function readUpload(request: Request, maxBytes: number, tooLarge: string) {
  try {
    return await readBodyWithLimit(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ApiError("PAYLOAD_TOO_LARGE", tooLarge);
    throw error;
  }
}

/**
 * One of our routes, as its row in the action table (lib/policy/actions) describes it. Before the
 * handler runs: cookie writes must come from this site (a browser always sends Origin on a
 * cross-site write; a bearer token is never sent by a browser on its own), the session is found
 * (cookie or bearer), the request is counted against the limit, params, query and body are parsed
 * with their zod schemas, and the action's proof is checked. Wrong answers to a secret are counted per
 * account where the action says so. Every refusal and fault answers in the one error shape.
 */
export function accountRoute<Body = undefined, Params = Record<string, string>, Query = undefined>(
  id: ActionId,
  handler: (context: RouteContext<Body, Params, Query>) => Promise<Response>,
) {
  return serve<Body, Params, Query>(id, true, (context) => handler(context as RouteContext<Body, Params, Query>));
}

/**
 * A route whose proof is not a session: a mailed link, which answers whoever holds it (its owner may
 * have lost every session), or a scheduler's secret. The same steps as accountRoute, without a session.
 */
export function sessionlessRoute<Body = undefined, Params = Record<string, string>, Query = undefined>(
  id: ActionId,
  handler: (context: Omit<RouteContext<Body, Params, Query>, "session" | "record"> & { device: RequestDevice }) => Promise<Response>,
) {
  if (ACTIONS[id].proof !== "mailed-link" && ACTIONS[id].proof !== "scheduler") throw new Error(`"${id}" needs a session: serve it with accountRoute`);
  return serve<Body, Params, Query>(id, false, handler);
}

type AnyContext<Body, Params, Query> = Omit<RouteContext<Body, Params, Query>, "session"> & { session: Session | null; device: RequestDevice };

function serve<Body, Params, Query>(id: ActionId, sessionRequired: boolean, handler: (context: AnyContext<Body, Params, Query>) => Promise<Response>) {
  const action: Action = ACTIONS[id];
  return async (request: Request): Promise<Response> => {
    try {
      if (!redisAnswering()) throw storeUnavailable();
      const pathname = new URL(request.url).pathname;
      const match = findEndpoint(request.method, pathname);
      if (!match || match.id !== id) throw new Error(`${request.method} ${pathname} is not an endpoint of "${id}" in the action table`);
      const { endpoint } = match;

      const origin = request.headers.get("origin");
      if (request.method !== "GET" && origin !== null && !fromThisSite(origin) && !hasBearerToken(request.headers)) {
        throw new ApiError("FORBIDDEN", "This request did not come from this site.");
      }
      let session: Session | null = sessionRequired ? await auth.api.getSession({ headers: request.headers }) : null;
      if (sessionRequired && !session) session = await sessionOfApiKey(request.headers, action);
      if (sessionRequired && !session) throw new ApiError("UNAUTHORIZED", "Sign in to continue.");
      const scheduled = deletionGraceRefusal(action, session);
      if (scheduled) throw scheduled;
      const overLimit = await limitRefusal(match, request.headers);
      if (overLimit) throw overLimit;

      const params = (endpoint.params ? validate(endpoint.params, match.params) : match.params) as Params;
      const query = (endpoint.query ? validate(endpoint.query, Object.fromEntries(new URL(request.url).searchParams)) : undefined) as Query;
      const body = (endpoint.body ? await parseJsonBody(request, endpoint.body) : undefined) as Body;
      const upload = endpoint.upload ? await readUpload(request, endpoint.upload.maxBytes, endpoint.upload.tooLarge) : new Uint8Array();

      const missingProof = await proofRefusal(action.proof, request.headers, session);
      if (missingProof) throw missingProof;
      const refusedByAccount = session && (await accountRefusal(action, session.user));
      if (refusedByAccount) throw refusedByAccount;

      const device = requestDevice(request.headers);
      const record = async (detail?: string) => {
        if (action.event && session) await recordSecurityEvent({ userId: session.user.id, type: action.event, device, detail });
      };
      const context = { request, session, params, query, body, upload, record, device };
      if (!action.failures || !session) return await handler(context);

      const failures = action.failures;
      const key = `${id}:${session.user.id}`;
      const blockedFor = await failuresBlockedFor(key, failures);
      if (blockedFor > 0) throw tooManyRequests(blockedFor, `Too many wrong attempts. Try again in ${Math.ceil(blockedFor / 60)} minutes.`);
      try {
        const answer = await handler(context);
        await clearFailures(key);
        return answer;
      } catch (error) {
        const refusal = error instanceof ApiError ? error : isAPIError(error) ? betterAuthFailure(error) : null;
        // Every wrong secret is a 403 (lib/api/errors); a malformed request is not a guess.
        if (refusal?.status === 403) {
          await countFailure(key, failures);
          await recordSecurityEvent({ userId: session.user.id, type: failures.event, device, detail: FAILURE_DETAILS[refusal.code] });
        }
        throw refusal ?? error;
      }
    } catch (error) {
      return toResponse(error, request);
    }
  };
}
