import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 description, so a generated client can be built from it", async () => {
    const document = structuredClone(openApiDocument("https://accounts.example.com"));
    const result = await validate(document as unknown as Parameters<typeof validate>[0]);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("names the deployment's own address as its server", () => {
    expect(openApiDocument("https://accounts.example.com").servers).toEqual([{ url: "https://accounts.example.com" }]);
  });
});

describe("the OpenAPI document, from the action table", () => {
  const document = openApiDocument("https://accounts.example.com");
  const operation = (path: string, method: string) => (document.paths[path] as Record<string, { responses: Record<string, unknown>; security: unknown[] }>)[method]!;

  it("documents each limit as a 429 and each proof in its security", () => {
    expect(operation("/api/auth/users/me/step-up", "post").responses).toHaveProperty("429");
    expect(operation("/api/auth/users/me/email", "put").security).toEqual([
      { bearerAuth: [], stepUpToken: [] },
      { cookieAuth: [], stepUpToken: [] },
    ]);
    expect(operation("/api/auth/users/me", "get").responses).not.toHaveProperty("429");
  });

  it("takes path parameters from the table's schemas", () => {
    expect(document.paths["/api/auth/users/me/sessions/{id}"]?.delete).toMatchObject({ parameters: [{ name: "id", in: "path", required: true }] });
  });
});
