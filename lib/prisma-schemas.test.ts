import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRES, SOURCE, postgresSchema } from "../scripts/prisma-schemas.mjs";

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), "utf8");

describe("the PostgreSQL schema", () => {
  it("is exactly the one derived from prisma/schema.prisma (run npm run db:schemas after editing it)", () => {
    expect(read(POSTGRES)).toBe(postgresSchema(read(SOURCE)));
  });

  it("differs from the source only in provider, client folder and relation joins", () => {
    const source = read(SOURCE);
    const derived = postgresSchema(source);
    const models = (schema: string) => schema.slice(schema.indexOf("model "));
    expect(models(derived)).toBe(models(source));
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toMatch(/output\s*= "\.\.\/\.\.\/lib\/generated\/postgresql"/);
    expect(derived).toContain('previewFeatures = ["relationJoins"]');
  });
});
