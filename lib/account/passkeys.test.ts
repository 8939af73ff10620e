import { describe, expect, it } from "vitest";
import { passkeyNameFor, toPasskeySummaries } from "./passkeys";

describe("a new passkey's name", () => {
  it("is the authenticator's, when its AAGUID says which", () => {
    expect(passkeyNameFor("bada5566-a7aa-401f-bd96-45619a55120d")).toBe("1Password");
    expect(passkeyNameFor("EA9B8D66-4D01-1D21-3CE4-B6B48CB575D4")).toBe("Google Password Manager");
    expect(passkeyNameFor("cb69481e-8ff7-4039-93ec-0a2729a154a8")).toBe("YubiKey 5 Series");
  });

  it("is plain 'Passkey' for an authenticator that keeps its model to itself, or one nobody listed", () => {
    expect(passkeyNameFor("00000000-0000-0000-0000-000000000000")).toBe("Passkey");
    expect(passkeyNameFor("01020304-0506-0708-0102-030405060708")).toBe("Passkey");
    expect(passkeyNameFor(null)).toBe("Passkey");
  });

  it("is the person's own once they give one", () => {
    const [summary] = toPasskeySummaries([{ id: "p1", name: "Work laptop", aaguid: "bada5566-a7aa-401f-bd96-45619a55120d", backedUp: true, createdAt: new Date(0), lastUsedAt: null }]);
    expect(summary).toMatchObject({ name: "Work laptop", synced: true });
  });
});
