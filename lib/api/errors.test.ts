import { describe, expect, it } from "vitest";
import { ApiError, fromBetterAuth, reshapeBetterAuthAnswer } from "./errors";

describe("fromBetterAuth", () => {
  it("turns better-auth's codes into sentences for people, with the status ours use", () => {
    const error = fromBetterAuth(401, { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" });
    expect([error.status, error.code, error.message]).toEqual([401, "INVALID_EMAIL_OR_PASSWORD", "The email or password is incorrect."]);
    const wrongPassword = fromBetterAuth(400, { code: "INVALID_PASSWORD", message: "Invalid password" });
    expect([wrongPassword.status, wrongPassword.code]).toEqual([403, "INVALID_PASSWORD"]);
    expect(fromBetterAuth(401, { code: "INVALID_BACKUP_CODE" }).code).toBe("INVALID_CODE");
  });

  it("says so when rate limited, whatever the code", () => {
    expect(fromBetterAuth(429, { message: "Too many requests" }).message).toMatch(/Too many attempts/);
  });

  it("passes on validation messages and hides unknown internals", () => {
    expect(fromBetterAuth(400, { code: "VALIDATION_ERROR", message: "Enter your name." }).message).toBe("Enter your name.");
    const internal = fromBetterAuth(422, { code: "FAILED_TO_CREATE_USER", message: "prisma: unique constraint" });
    expect(internal.message).not.toContain("prisma");
    expect(fromBetterAuth(500, { message: "db down" }).code).toBe("INTERNAL_ERROR");
  });
});

describe("reshapeBetterAuthAnswer", () => {
  it("gives a refusal our shape and keeps its headers", async () => {
    const answer = await reshapeBetterAuthAnswer(
      new Response(JSON.stringify({ code: "INVALID_TOKEN", message: "invalid token" }), { status: 400, headers: { "set-cookie": "a=; Max-Age=0", "x-retry-after": "7" } }),
    );
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ error: { code: "INVALID_TOKEN", message: "This link is invalid or has already been used. Ask for a new one." } });
    expect(answer.headers.get("set-cookie")).toBe("a=; Max-Age=0");
    expect(answer.headers.get("retry-after")).toBe("7");
  });

  it("leaves successes, redirects and answers in our shape alone", async () => {
    const ok = new Response("{}", { status: 200 });
    expect(await reshapeBetterAuthAnswer(ok)).toBe(ok);
    const ours = new ApiError("NOT_FOUND", "No.").toResponse();
    expect(await reshapeBetterAuthAnswer(ours)).toBe(ours);
  });
});
