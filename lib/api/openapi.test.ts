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
