import { describe, expect, it } from "vitest";
import { resetPasswordSchema, signUpSchema } from "./auth";
import { emailSchema, nameSchema, passwordSchema } from "./user";

describe("nameSchema", () => {
  it("trims and accepts ordinary names, accents and scripts included", () => {
    expect(nameSchema.parse("  Ada Lovelace ")).toBe("Ada Lovelace");
    expect(nameSchema.parse("Zoë Ørsted-Łukasz")).toBe("Zoë Ørsted-Łukasz");
    expect(nameSchema.parse("山田太郎")).toBe("山田太郎");
  });

  it("refuses empty, overlong, control and bidi-override names", () => {
    expect(nameSchema.safeParse("   ").success).toBe(false);
    expect(nameSchema.safeParse("a".repeat(101)).success).toBe(false);
    expect(nameSchema.safeParse("Ada\u0000").success).toBe(false);
    expect(nameSchema.safeParse("Ada\u202Egpj.exe").error?.issues[0]?.message).toBe(
      "Remove control or text-direction characters from your name.",
    );
  });
});

describe("emailSchema", () => {
  it("normalises case and whitespace", () => {
    expect(emailSchema.parse(" Ada@Example.COM ")).toBe("ada@example.com");
  });
  it("refuses something that is not an address", () => {
    expect(emailSchema.safeParse("ada@").success).toBe(false);
  });
});

describe("passwordSchema", () => {
  it("holds passwords to 8 to 128 characters", () => {
    expect(passwordSchema.safeParse("1234567").success).toBe(false);
    expect(passwordSchema.safeParse("12345678").success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(128)).success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(129)).success).toBe(false);
  });
});

describe("form schemas", () => {
  it("sign-up validates every field", () => {
    const result = signUpSchema.safeParse({ name: "", email: "nope", password: "short" });
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(["email", "name", "password"]);
  });
  it("reset password puts a mismatch on the confirmation field", () => {
    const result = resetPasswordSchema.safeParse({ password: "correct horse", confirmPassword: "correct house" });
    expect(result.error?.issues[0]?.path).toEqual(["confirmPassword"]);
  });
});
