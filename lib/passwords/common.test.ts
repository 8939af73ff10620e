import { describe, expect, it } from "vitest";
import { isCommonPassword, newPasswordSchema } from "./common";

describe("isCommonPassword", () => {
  it("finds the usual suspects whatever their case", () => {
    for (const password of ["password", "12345678", "qwertyuiop", "Password1", "ILOVEYOU"]) expect(isCommonPassword(password), password).toBe(true);
  });

  it("lets an uncommon passphrase through", () => {
    expect(isCommonPassword("correct horse battery staple 7f3a")).toBe(false);
  });
});

describe("newPasswordSchema", () => {
  it("keeps the length rules and adds the common-password one, with sentences for people", () => {
    expect(newPasswordSchema.safeParse("short").error?.issues[0]?.message).toBe("Use at least 8 characters.");
    expect(newPasswordSchema.safeParse("baseball").error?.issues[0]?.message).toMatch(/most common/);
    expect(newPasswordSchema.safeParse("a rather long and unusual phrase").success).toBe(true);
  });
});
