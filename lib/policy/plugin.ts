import "server-only";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { twoFactorSubject } from "@/lib/account/two-factor";
import { ApiError, asBetterAuthError, reshapeBetterAuthAnswer, storeUnavailable } from "@/lib/api/errors";
import { RedisUnavailableError, redisAnswering } from "@/lib/redis";
import { validate } from "@/lib/api/validate";
import { accountRefusal, deletionGraceRefusal, limitRefusal, proofRefusal, type FindSession } from "./check";
import { findEndpoint } from "./match";

const notServed = (request: Request) =>
  new ApiError("NOT_FOUND", `There is no ${request.method} ${new URL(request.url).pathname} here. See /api/openapi.json.`).toResponse();

/**
 * The action table (lib/policy/actions) applied to every HTTP request better-auth serves: a path the
 * table does not name answers 404; the others get their limit, their proof and their body rules; and
 * every refusal, better-auth's own included, answers in our error shape. Calls from our own routes
 * (auth.api, no HTTP request) have been through the same table in lib/api/route already.
 */
export function accountPolicy({ findSession }: { findSession: FindSession }) {
  return {
    id: "bastion-account-policy",
    async onRequest(request) {
      const match = findEndpoint(request.method, new URL(request.url).pathname);
      if (!match || match.endpoint.by !== "better-auth") return { response: notServed(request) };
      // Nothing starts that Redis would have to finish.
      if (!redisAnswering()) return { response: storeUnavailable().toResponse() };
      try {
        const session = match.action.proof === "none" ? null : await findSession(request.headers);
        const refusal =
          deletionGraceRefusal(match.action, session) ?? (await proofRefusal(match.action.proof, request.headers, session)) ?? (await limitRefusal(match, request.headers));
        if (refusal) return { response: refusal.toResponse() };
      } catch (error) {
        if (error instanceof RedisUnavailableError) return { response: storeUnavailable().toResponse() };
        throw error;
      }
    },
    hooks: {
      before: [
        {
          // better-auth validates its bodies loosely; these follow the same zod schemas as our forms.
          matcher: (ctx) => ctx.request !== undefined,
          handler: createAuthMiddleware(async (ctx) => {
            const request = ctx.request!;
            const match = findEndpoint(request.method, new URL(request.url).pathname);
            if (!match) return;
            let body: unknown;
            try {
              // What the schema produced (a trimmed name, a lowercased address), not what was sent.
              if (match.endpoint.body) body = validate(match.endpoint.body, ctx.body ?? {}, { namePath: false });
            } catch (error) {
              if (error instanceof ApiError) throw new APIError("BAD_REQUEST", { code: error.code, message: error.message });
              throw error;
            }
            // The account's own rules need the account: the session's, or the one being signed in to
            // (which only better-auth's cookie names, hence here rather than in onRequest).
            if (match.action.requiresMethod || match.action.perAccount) {
              const subject = await twoFactorSubject(ctx, findSession);
              const user = subject && (await ctx.context.internalAdapter.findUserById(subject.userId));
              const refusal = user && (await accountRefusal(match.action, user));
              if (refusal) throw asBetterAuthError(refusal);
            }
            if (match.endpoint.body) return { context: { body } };
          }),
        },
      ],
    },
    async onResponse(response) {
      // better-auth answers 500 for a fault of its storage; while Redis is down, that is the fault.
      if (response.status >= 500 && !redisAnswering()) return { response: storeUnavailable().toResponse() };
      return { response: await reshapeBetterAuthAnswer(response) };
    },
  } satisfies BetterAuthPlugin;
}
