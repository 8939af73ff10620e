import "server-only";
import { randomUUID } from "node:crypto";
import { getAuthenticatorName } from "@better-auth/passkey";
import { base64 } from "@better-auth/utils/base64";
import { generateAuthenticationOptions, verifyAuthenticationResponse, type AuthenticationResponseJSON, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { readRelation, relation, selectOf, type RowOf } from "@/lib/relations";

/**
 * Passkeys: better-auth's passkey plugin registers them and signs in with them; this module names
 * them, lists them for the pages and the API, keeps when each was last used, and verifies one for
 * step-up, where a user-verified passkey stands for the password and the code together.
 */

const appUrl = new URL(env.BETTER_AUTH_URL);
/** WebAuthn binds each passkey to the site's host name; an IP address cannot be one. */
export const PASSKEY_RP_ID = appUrl.hostname;
export const PASSKEY_ORIGIN = appUrl.origin;

// Authenticators the plugin's list leaves out that administrators carry (Yubico's published AAGUIDs).
const MORE_AUTHENTICATORS: Record<string, string> = {
  "cb69481e-8ff7-4039-93ec-0a2729a154a8": "YubiKey 5 Series",
  "ee882879-721c-4913-9775-3dfcce97072a": "YubiKey 5 Series",
  "fa2b99dc-9e39-4257-8f92-4a30d23c4118": "YubiKey 5 Series with NFC",
  "2fc0579f-8113-47ea-b116-bb5a8db9202a": "YubiKey 5 Series with NFC",
};

/** What a new passkey is called until its owner names it: the authenticator, when it says which. */
export function passkeyNameFor(aaguid: string | null | undefined): string {
  return getAuthenticatorName(aaguid ?? undefined) ?? MORE_AUTHENTICATORS[aaguid?.toLowerCase() ?? ""] ?? "Passkey";
}

export type PasskeySummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; synced: boolean };

/** A person's passkeys, oldest first: never their keys or credential ids. */
export const passkeysRelation = relation({
  model: "Passkey",
  table: "passkey",
  owner: "userId",
  columns: { id: true, name: true, aaguid: true, backedUp: "boolean", createdAt: "date", lastUsedAt: "date" },
  orderBy: [
    ["createdAt", "ASC"],
    ["id", "ASC"],
  ],
});

export function toPasskeySummaries(rows: RowOf<typeof passkeysRelation>[]): PasskeySummary[] {
  return rows.map((row) => ({
    id: row.id,
    name: row.name || passkeyNameFor(row.aaguid),
    createdAt: row.createdAt ?? new Date(0),
    lastUsedAt: row.lastUsedAt,
    // Backed up: the passkey lives in a password manager or a platform keychain, not one device.
    synced: row.backedUp,
  }));
}

export async function listPasskeys(userId: string): Promise<PasskeySummary[]> {
  return toPasskeySummaries(await readRelation(userId, { relation: passkeysRelation }));
}

/** The passkey of this person's, renamed; null when there is none by that id (someone else's included). */
export async function renamePasskey(userId: string, id: string, name: string): Promise<PasskeySummary | null> {
  const { count } = await db.passkey.updateMany({ where: { id, userId }, data: { name } });
  if (count === 0) return null;
  const row = await db.passkey.findFirst({ where: { id, userId }, select: selectOf(passkeysRelation) });
  return row ? (toPasskeySummaries([row])[0] ?? null) : null;
}

/** Removes one of the person's passkeys; its name for the activity entry, or null when there is none. */
export async function deletePasskey(userId: string, id: string): Promise<string | null> {
  const row = await db.passkey.findFirst({ where: { id, userId }, select: { name: true, aaguid: true } });
  if (!row) return null;
  const { count } = await db.passkey.deleteMany({ where: { id, userId } });
  return count > 0 ? row.name || passkeyNameFor(row.aaguid) : null;
}

/** After a sign-in or a step-up with it: the page shows when each passkey was last used. */
export async function markPasskeyUsed(credentialID: string, counter?: number) {
  await db.passkey.updateMany({ where: { credentialID }, data: { lastUsedAt: new Date(), ...(counter === undefined ? {} : { counter }) } });
}

const STEP_UP_CHALLENGE_SECONDS = 5 * 60;
const challengeIdentifier = (sessionId: string, challenge: string) => `passkey-step-up:${sessionId}:${challenge}`;

/**
 * What the browser needs to ask for one of the person's passkeys. The challenge is kept for this
 * session only, five minutes, and can be answered once.
 */
export async function passkeyStepUpOptions(userId: string, sessionId: string): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const passkeys = await db.passkey.findMany({ where: { userId }, select: { credentialID: true, transports: true } });
  if (passkeys.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: PASSKEY_RP_ID,
    userVerification: "required",
    timeout: STEP_UP_CHALLENGE_SECONDS * 1000,
    allowCredentials: passkeys.map((passkey) => ({
      id: passkey.credentialID,
      transports: (passkey.transports?.split(",").filter(Boolean) ?? []) as AuthenticatorTransport[],
    })),
  });
  await db.verification.create({
    data: { id: randomUUID(), identifier: challengeIdentifier(sessionId, options.challenge), value: userId, expiresAt: new Date(Date.now() + STEP_UP_CHALLENGE_SECONDS * 1000) },
  });
  return options;
}

function challengeOf(response: AuthenticationResponseJSON): string | null {
  try {
    const clientData = JSON.parse(Buffer.from(response.response.clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    return typeof clientData.challenge === "string" ? clientData.challenge : null;
  } catch {
    return null;
  }
}

export type PasskeyStepUpFailure = "CHALLENGE_EXPIRED" | "INVALID_PASSKEY";

/**
 * Whether the answer is one of this person's passkeys, verified by its user (PIN or biometrics),
 * signing this session's challenge. The challenge is used up whatever the outcome.
 */
export async function verifyPasskeyStepUp(userId: string, sessionId: string, response: AuthenticationResponseJSON): Promise<PasskeyStepUpFailure | null> {
  const challenge = challengeOf(response);
  if (!challenge) return "INVALID_PASSKEY";
  const { count } = await db.verification.deleteMany({ where: { identifier: challengeIdentifier(sessionId, challenge), value: userId, expiresAt: { gt: new Date() } } });
  if (count === 0) return "CHALLENGE_EXPIRED";
  const passkey = await db.passkey.findFirst({ where: { credentialID: response.id, userId } });
  if (!passkey) return "INVALID_PASSKEY";
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: PASSKEY_ORIGIN,
      expectedRPID: PASSKEY_RP_ID,
      requireUserVerification: true,
      credential: {
        id: passkey.credentialID,
        publicKey: base64.decode(passkey.publicKey),
        counter: passkey.counter,
        transports: (passkey.transports?.split(",").filter(Boolean) ?? []) as AuthenticatorTransport[],
      },
    });
    if (!verified) return "INVALID_PASSKEY";
    await markPasskeyUsed(passkey.credentialID, authenticationInfo.newCounter);
    return null;
  } catch {
    // A wrong signature, origin or counter, or no user verification: all the same to the caller.
    return "INVALID_PASSKEY";
  }
}
