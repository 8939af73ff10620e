import { describe, expect, it } from "vitest";
import { authErrorMessage } from "./auth-errors";

describe("authErrorMessage", () => {
  it("turns better-auth codes into sentences", () => {
    expect(authErrorMessage({ code: "INVALID_EMAIL_OR_PASSWORD", status: 401 })).toBe("The email or password is incorrect.");
  });
  it("says so when rate limited, whatever the code", () => {
    expect(authErrorMessage({ status: 429 })).toMatch(/Too many attempts/);
  });
  it("passes on our validation messages and hides unknown internals", () => {
    expect(authErrorMessage({ code: "INVALID_INPUT", message: "Enter your name." })).toBe("Enter your name.");
    expect(authErrorMessage({ code: "FAILED_TO_CREATE_USER", message: "prisma: unique constraint" })).toBe(
      "Something went wrong. Try again in a moment.",
    );
  });
});
