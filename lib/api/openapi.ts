import "server-only";
import { z, type ZodType } from "zod";
import { STEP_UP_MAX_AGE_SECONDS } from "@/lib/account/step-up";
import { AVATAR_MAX_BYTES, AVATAR_TYPES } from "@/lib/validation/avatar";
import { changePasswordRequestSchema, stepUpSchema } from "@/lib/validation/security";
import { changeEmailSchema, updateNameSchema } from "@/lib/validation/user";

/** A request body's JSON Schema, from the zod schema the route validates it with: the two cannot drift. */
function bodySchema(schema: ZodType) {
  const jsonSchema = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  // OpenAPI 3.1 documents are JSON Schema 2020-12 already; a nested $schema would only repeat it.
  delete jsonSchema.$schema;
  return jsonSchema;
}

const json = (schema: object) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string) => ({ description, content: json(ref("Error")) });

const errors = {
  400: error("The body is not valid JSON, names a field that cannot be changed here, or breaks a rule (INVALID_INPUT)."),
  401: error("No session: no cookie, or a bearer token that is unknown, signed out or expired (UNAUTHORIZED)."),
  403: error("A cookie-authenticated write from another site (FORBIDDEN)."),
  413: error("The body is larger than this endpoint takes (PAYLOAD_TOO_LARGE)."),
  415: error("The body is not of a type this endpoint takes (UNSUPPORTED_MEDIA_TYPE)."),
};
const stepUpErrors = error(
  "Without a valid step-up token in X-Step-Up-Token: STEP_UP_TOKEN_MISSING, STEP_UP_TOKEN_EXPIRED (older than ten minutes) or STEP_UP_TOKEN_INVALID (another user's or session's, or altered).",
);
const signedIn = [{ bearerAuth: [] }, { cookieAuth: [] }];
const withStepUp = [
  { bearerAuth: [], stepUpToken: [] },
  { cookieAuth: [], stepUpToken: [] },
];

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Bastion account API",
      version: "1.0.0",
      description:
        "Manage the signed-in person's own account. Authenticate with the session cookie or with `Authorization: Bearer <token>`, " +
        "where the token is the `set-auth-token` header of `POST /api/auth/sign-in/email`. Changing the email address or the password " +
        `and deleting the account also need a step-up token (POST /api/auth/users/me/step-up), sent in \`X-Step-Up-Token\`; it is valid ${STEP_UP_MAX_AGE_SECONDS / 60} minutes, ` +
        "for the user and session that obtained it. Every error is `{ \"error\": { \"code\", \"message\" } }`.",
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/api/auth/sign-in/email": {
        post: {
          operationId: "signIn",
          summary: "Sign in with email and password (better-auth)",
          description:
            "Answers with the `set-auth-token` header: the bearer token for the endpoints below. With two-factor on, the answer is " +
            "`{ \"twoFactorRedirect\": true }` and no token; finish at `/two-factor` in a browser.",
          security: [],
          requestBody: {
            required: true,
            content: json({ type: "object", properties: { email: { type: "string" }, password: { type: "string" } }, required: ["email", "password"] }),
          },
          responses: {
            200: { description: "Signed in.", headers: { "set-auth-token": { description: "The bearer token.", schema: { type: "string" } } } },
            401: { description: "Wrong email or password." },
            403: { description: "The email address is not verified yet." },
          },
        },
      },
      "/api/auth/users/me": {
        get: {
          operationId: "getProfile",
          summary: "The signed-in person's profile",
          security: signedIn,
          responses: { 200: { description: "The profile.", content: json(ref("Profile")) }, 401: errors[401] },
        },
        put: {
          operationId: "updateProfile",
          summary: "Update the editable fields of the profile (name)",
          security: signedIn,
          requestBody: { required: true, content: json(bodySchema(updateNameSchema.strict())) },
          responses: { 200: { description: "The updated profile.", content: json(ref("Profile")) }, 400: errors[400], 401: errors[401], 403: errors[403], 415: errors[415] },
        },
        delete: {
          operationId: "deleteAccount",
          summary: "Delete the account and everything of it, and clear the session cookies",
          security: withStepUp,
          responses: { 204: { description: "Deleted; every session has ended." }, 401: errors[401], 403: stepUpErrors },
        },
      },
      "/api/auth/users/me/email": {
        put: {
          operationId: "changeEmail",
          summary: "Start a change of email address",
          description:
            "Mails a link to the new address; the address changes when it is opened. An address that belongs to someone else gets the same answer, and no mail.",
          security: withStepUp,
          requestBody: { required: true, content: json(bodySchema(changeEmailSchema.strict())) },
          responses: {
            202: { description: "The link is on its way.", content: json(ref("EmailChangeStarted")) },
            400: errors[400],
            401: errors[401],
            403: stepUpErrors,
            415: errors[415],
          },
        },
      },
      "/api/auth/users/me/password": {
        put: {
          operationId: "changePassword",
          summary: "Change the password",
          description:
            "The current password is checked as well. With `revokeOtherSessions`, every session ends and a new one replaces the caller's: its token is in the answer.",
          security: withStepUp,
          requestBody: { required: true, content: json(bodySchema(changePasswordRequestSchema)) },
          responses: {
            200: { description: "Changed.", content: json(ref("PasswordChanged")) },
            400: errors[400],
            401: errors[401],
            403: error("INVALID_PASSWORD (the current password is wrong), or a step-up refusal: STEP_UP_TOKEN_MISSING, STEP_UP_TOKEN_EXPIRED, STEP_UP_TOKEN_INVALID."),
            415: errors[415],
          },
        },
      },
      "/api/auth/users/me/avatar": {
        put: {
          operationId: "uploadAvatar",
          summary: "Upload a profile picture",
          description: `The image itself as the body, at most ${AVATAR_MAX_BYTES / 1024 / 1024} MB. It is re-encoded to a 256 px WebP without metadata.`,
          security: signedIn,
          requestBody: { required: true, content: Object.fromEntries(AVATAR_TYPES.map((type) => [type, { schema: { type: "string", contentMediaType: type } }])) },
          responses: {
            200: { description: "Stored.", content: json({ type: "object", properties: { image: { type: "string" } }, required: ["image"] }) },
            401: errors[401],
            403: errors[403],
            413: errors[413],
            415: error("Not a PNG, JPEG, WebP or GIF image, judged by its bytes (UNSUPPORTED_MEDIA_TYPE)."),
          },
        },
        delete: {
          operationId: "removeAvatar",
          summary: "Remove the profile picture",
          security: signedIn,
          responses: { 204: { description: "Removed." }, 401: errors[401], 403: errors[403] },
        },
      },
      "/api/auth/users/me/step-up": {
        post: {
          operationId: "stepUp",
          summary: "Trade the password (and a code when two-factor is on) for a step-up token",
          security: signedIn,
          requestBody: { required: true, content: json(bodySchema(stepUpSchema)) },
          responses: {
            200: { description: "The token, also set as an HttpOnly cookie for the pages.", content: json(ref("StepUpToken")) },
            400: errors[400],
            401: errors[401],
            403: error(
              "INVALID_PASSWORD, INVALID_CODE or CODE_ALREADY_USED (each authenticator code is accepted once); or FORBIDDEN for a cookie-authenticated request from another site.",
            ),
            409: error("PASSWORD_NOT_SET: the account signs in only through a provider."),
            415: errors[415],
            429: {
              description: "TOO_MANY_REQUESTS: five wrong answers in 15 minutes; Retry-After says when to try again.",
              headers: { "Retry-After": { schema: { type: "integer" } } },
              content: json(ref("Error")),
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "The set-auth-token header of sign-in." },
        cookieAuth: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "The browser's session cookie (__Secure- prefixed over HTTPS)." },
        stepUpToken: { type: "apiKey", in: "header", name: "X-Step-Up-Token", description: "From POST /api/auth/users/me/step-up." },
      },
      schemas: {
        Error: {
          type: "object",
          properties: {
            error: {
              type: "object",
              properties: { code: { type: "string", examples: ["STEP_UP_TOKEN_MISSING"] }, message: { type: "string" } },
              required: ["code", "message"],
            },
          },
          required: ["error"],
        },
        Profile: {
          type: "object",
          properties: {
            id: { type: "string" },
            name: { type: "string" },
            email: { type: "string", format: "email" },
            emailVerified: { type: "boolean" },
            image: { type: ["string", "null"], description: "Path of the profile picture on this server." },
            createdAt: { type: "string", format: "date-time" },
            twoFactorEnabled: { type: "boolean" },
            hasPassword: { type: "boolean" },
            providers: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  id: { type: "string" },
                  providerId: { type: "string" },
                  name: { type: "string" },
                  accountName: { type: "string" },
                  linkedAt: { type: "string", format: "date-time" },
                },
                required: ["id", "providerId", "name", "accountName", "linkedAt"],
              },
            },
          },
          required: ["id", "name", "email", "emailVerified", "image", "createdAt", "twoFactorEnabled", "hasPassword", "providers"],
        },
        EmailChangeStarted: {
          type: "object",
          properties: {
            status: { const: "verification_sent" },
            pendingEmail: { type: "string", format: "email" },
            expiresAt: { type: ["string", "null"], format: "date-time" },
          },
          required: ["status", "pendingEmail", "expiresAt"],
        },
        PasswordChanged: {
          type: "object",
          properties: {
            status: { const: "password_changed" },
            otherSessionsRevoked: { type: "boolean" },
            token: { type: ["string", "null"], description: "The new bearer token when the sessions were revoked." },
          },
          required: ["status", "otherSessionsRevoked", "token"],
        },
        StepUpToken: {
          type: "object",
          properties: {
            token: { type: "string" },
            expiresAt: { type: "string", format: "date-time" },
            header: { const: "x-step-up-token" },
          },
          required: ["token", "expiresAt", "header"],
        },
      },
    },
  };
}
