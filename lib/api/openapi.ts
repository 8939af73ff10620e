import "server-only";
import { z, type core } from "zod";
import { STEP_UP_MAX_AGE_SECONDS } from "@/lib/account/step-up";
import { ACTIONS, PROOFS, type Action, type Endpoint, type OpenApiInfo } from "@/lib/policy/actions";
import { errorSchema } from "@/lib/validation/responses";

/**
 * The REST API's OpenAPI document, built from the action table and its zod schemas: what an endpoint
 * takes, what it answers, every refusal (429 included) and the proof it needs come from the same rows
 * the server enforces, so the document cannot drift from the API.
 */

function jsonSchema(schema: core.$ZodType, io: "input" | "output") {
  const result = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  // OpenAPI 3.1 documents are JSON Schema 2020-12 already; a nested $schema would only repeat it.
  delete result.$schema;
  return result;
}

const json = (schema: object) => ({ "application/json": { schema } });
const error = (description: string, headers?: object) => ({ description, ...(headers ? { headers } : {}), content: json({ $ref: "#/components/schemas/Error" }) });
const retryAfter = { "Retry-After": { description: "Seconds until the next try is allowed.", schema: { type: "integer" } } };

const signedIn = [{ bearerAuth: [] }, { cookieAuth: [] }];
const withStepUp = [
  { bearerAuth: [], stepUpToken: [] },
  { cookieAuth: [], stepUpToken: [] },
];

const API_KEY_NOTES = {
  read: "An API key of either scope may call it.",
  manage: "An API key may call it if its scope is `manage` (a `read` key: 403 INSUFFICIENT_SCOPE).",
  none: "Not with an API key (403 API_KEY_NOT_ALLOWED).",
} as const;

const STEP_UP_REFUSALS =
  "Without fresh proof it's you: STEP_UP_TOKEN_MISSING, STEP_UP_TOKEN_EXPIRED (older than ten minutes) or STEP_UP_TOKEN_INVALID (another user's or session's, or altered).";

function responses(action: Action, endpoint: Endpoint, info: OpenApiInfo) {
  const { success } = info;
  const answers: Record<string, object> = {
    [success.status]: {
      description: success.description,
      ...(success.headers ? { headers: Object.fromEntries(Object.entries(success.headers).map(([name, description]) => [name, { description, schema: { type: "string" } }])) } : {}),
      ...(success.schema ? { content: json(jsonSchema(success.schema, "output")) } : {}),
    },
  };
  const takesInput = endpoint.body || endpoint.params || endpoint.query;
  const said = (status: number) => info.errors?.[status];
  if (takesInput || said(400)) {
    answers[400] = error([takesInput && "The input breaks a rule, or names a field that cannot be changed here (INVALID_INPUT).", said(400)].filter(Boolean).join(" "));
  }
  if (action.proof !== "none") answers[401] = error("No session: no cookie, or a bearer token that is unknown, signed out or expired (UNAUTHORIZED).");
  const forbidden = [
    said(403),
    (action.proof === "recent-sign-in" || action.proof === "step-up") && STEP_UP_REFUSALS,
    endpoint.by === "route" && endpoint.method !== "GET" && "FORBIDDEN: a cookie-authenticated write from another site.",
  ].filter(Boolean);
  if (forbidden.length > 0) answers[403] = error(forbidden.join(" "));
  for (const [status, description] of Object.entries(info.errors ?? {})) {
    if (!(Number(status) in answers)) answers[status] = error(description);
  }
  if (endpoint.body || endpoint.upload) {
    answers[413] ??= error("The body is larger than this endpoint takes (PAYLOAD_TOO_LARGE).");
    answers[415] ??= error(endpoint.upload ? "Not an image of a type this endpoint takes (UNSUPPORTED_MEDIA_TYPE)." : "The body is not JSON (UNSUPPORTED_MEDIA_TYPE).");
  }
  const limits = [
    action.limit && `more than ${action.limit.max} requests from one address in ${action.limit.windowSeconds} seconds`,
    action.failures && `${action.failures.max} wrong answers for the account in ${action.failures.windowSeconds / 60} minutes`,
  ].filter(Boolean);
  if (limits.length > 0) answers[429] = error(`TOO_MANY_REQUESTS: ${limits.join(", or ")}.`, retryAfter);
  // Every endpoint reads the session store or the counters before it does anything.
  answers[503] = error("SERVICE_UNAVAILABLE: a deployment with Redis (REDIS_URL) cannot reach it; nothing was changed. Try again after Retry-After.", retryAfter);
  return answers;
}

function requestBody(endpoint: Endpoint) {
  if (endpoint.upload) return { required: true, content: Object.fromEntries(endpoint.upload.types.map((type) => [type, { schema: { type: "string", contentMediaType: type } }])) };
  if (endpoint.body) return { required: true, content: json(jsonSchema(endpoint.body, "input")) };
  return undefined;
}

function parameters(endpoint: Endpoint) {
  const fromSchema = (schema: core.$ZodType | undefined, place: "path" | "query") => {
    if (!schema) return [];
    const { properties = {}, required = [] } = jsonSchema(schema, "input") as { properties?: Record<string, object>; required?: string[] };
    return Object.entries(properties).map(([name, property]) => ({ name, in: place, required: place === "path" || required.includes(name), schema: property }));
  };
  return [...fromSchema(endpoint.params, "path"), ...fromSchema(endpoint.query, "query")];
}

const camel = (id: string) => id.replace(/[.-](\w)/g, (_, letter: string) => letter.toUpperCase());

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, object>> = {};
  const operationIds = new Set<string>();
  for (const [id, action] of Object.entries(ACTIONS) as [string, Action][]) {
    for (const endpoint of action.endpoints) {
      const info = endpoint.openapi;
      if (!info) continue;
      let operationId = camel(id);
      if (operationIds.has(operationId)) operationId += endpoint.by === "route" ? "Rest" : "BetterAuth";
      operationIds.add(operationId);
      const path = endpoint.path.replace(/:(\w+)/g, "{$1}");
      const body = requestBody(endpoint);
      const parameterList = parameters(endpoint);
      (paths[path] ??= {})[endpoint.method.toLowerCase()] = {
        operationId,
        summary: info.summary,
        description: [info.description, `Needs ${PROOFS[action.proof]}.`, endpoint.by === "route" && action.proof !== "mailed-link" && API_KEY_NOTES[action.apiKeyScope ?? "none"]].filter(Boolean).join("\n\n"),
        security:
          action.proof === "none" ? [] : action.proof === "recent-sign-in" || action.proof === "step-up" ? withStepUp : [...signedIn, ...(action.apiKeyScope ? [{ apiKeyAuth: [] }] : [])],
        ...(parameterList.length > 0 ? { parameters: parameterList } : {}),
        ...(body ? { requestBody: body } : {}),
        responses: responses(action, endpoint, info),
      };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Bastion account API",
      version: "1.0.0",
      description:
        "Manage the signed-in person's own account. Authenticate with the session cookie or with `Authorization: Bearer <token>`, " +
        "where the token is the `set-auth-token` header of `POST /api/auth/sign-in/email`. Sensitive changes also need a step-up token " +
        `(POST /api/auth/users/me/step-up), sent in \`X-Step-Up-Token\`: a bearer client always sends it; it is valid ${STEP_UP_MAX_AGE_SECONDS / 60} minutes, ` +
        "for the user and session that obtained it. Every error is `{ \"error\": { \"code\", \"message\" } }`.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "The set-auth-token header of sign-in." },
        cookieAuth: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "The browser's session cookie (__Secure- prefixed over HTTPS)." },
        stepUpToken: { type: "apiKey", in: "header", name: "X-Step-Up-Token", description: "From POST /api/auth/users/me/step-up." },
        apiKeyAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "bastion_…",
          description: "A personal API key from POST /api/auth/users/me/api-keys, scoped `read` or `manage`; it never steps up.",
        },
      },
      schemas: { Error: jsonSchema(errorSchema, "output") },
    },
  };
}
