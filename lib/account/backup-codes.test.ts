import { symmetricEncrypt } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { hashBackupCode, hashedBackupCodes } from "./backup-codes";

const codes = ["AbCde-12345", "zYxWv-09876"];

describe("backup codes kept as hashes", () => {
  it("stores no code, only a keyed hash of each", async () => {
    const stored = await hashedBackupCodes.encrypt(JSON.stringify(codes));
    for (const code of codes) expect(stored).not.toContain(code);
    expect(JSON.parse(stored)).toEqual(codes.map(hashBackupCode));
  });

  it("stores what is left after a use as it is: hashes are not hashed again", async () => {
    const stored = await hashedBackupCodes.encrypt(JSON.stringify(codes));
    const left = (JSON.parse(await hashedBackupCodes.decrypt(stored)) as string[]).slice(1);
    expect(JSON.parse(await hashedBackupCodes.encrypt(JSON.stringify(left)))).toEqual([hashBackupCode(codes[1]!)]);
  });

  it("reads codes an earlier version stored encrypted as their hashes", async () => {
    const legacy = await symmetricEncrypt({ key: env.BETTER_AUTH_SECRET, data: JSON.stringify(codes) });
    expect(JSON.parse(await hashedBackupCodes.decrypt(legacy))).toEqual(codes.map(hashBackupCode));
  });

  it("is case-sensitive and ignores the spaces around a typed code", () => {
    expect(hashBackupCode(" AbCde-12345 ")).toBe(hashBackupCode("AbCde-12345"));
    expect(hashBackupCode("abcde-12345")).not.toBe(hashBackupCode("AbCde-12345"));
  });
});
