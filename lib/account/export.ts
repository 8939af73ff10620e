import "server-only";
import type { z } from "zod";
import type { Session } from "@/lib/auth";
import type { accountExportSchema } from "@/lib/validation/responses";
import type { SecurityActivityEntry } from "./activity";
import { pendingEmailChangeOf } from "./email-change";
import { secondFactorState } from "./second-factor";
import { getSecurityOverview } from "./security-overview";

export type AccountExport = z.infer<typeof accountExportSchema>;

const iso = (date: Date) => date.toISOString();

/**
 * Everything the account holds about the person, as they would read it on the pages: what is shown
 * there and the whole activity. Only what the pages list is read (the same read), so no secret
 * (password hash, authenticator key, backup codes, session or provider tokens, passkey keys, API
 * keys) can reach the file.
 */
export async function exportAccountData(session: Session, trustIdentifier: string | null): Promise<AccountExport> {
  const { user } = session;
  const overview = await getSecurityOverview(session, "all", trustIdentifier);
  const methods = overview.signInMethods;
  const pending = pendingEmailChangeOf(user);
  const { emailCode, preferred } = secondFactorState(user, methods.hasPasskey);
  return {
    format: "bastion-account-export/1",
    exportedAt: iso(new Date()),
    profile: { id: user.id, name: user.name, email: user.email, emailVerified: user.emailVerified, image: user.image ?? null, createdAt: iso(user.createdAt) },
    pendingEmailChange: pending && { newEmail: pending.newEmail, expiresAt: iso(pending.expiresAt) },
    signInMethods: {
      password: methods.hasPassword,
      providers: methods.connections.map((connection) => ({ provider: connection.provider, accountName: connection.accountName, linkedAt: iso(connection.linkedAt) })),
    },
    twoFactor: { ...overview.twoFactor, emailCode, preferred },
    passkeys: overview.passkeys.map((passkey) => ({ ...passkey, createdAt: iso(passkey.createdAt), lastUsedAt: passkey.lastUsedAt && iso(passkey.lastUsedAt) })),
    trustedDevices: overview.trustedDevices.map((device) => ({
      ...device,
      trustedAt: iso(device.trustedAt),
      lastUsedAt: iso(device.lastUsedAt),
      expiresAt: iso(device.expiresAt),
    })),
    apiKeys: overview.apiKeys.map((key) => ({
      ...key,
      createdAt: iso(key.createdAt),
      expiresAt: key.expiresAt && iso(key.expiresAt),
      lastUsedAt: key.lastUsedAt && iso(key.lastUsedAt),
    })),
    sessions: overview.sessions.map((entry) => ({ ...entry, signedInAt: iso(entry.signedInAt), lastActiveAt: iso(entry.lastActiveAt) })),
    securityActivity: overview.activity.entries.map((entry) => ({ ...entry, createdAt: iso(entry.createdAt) })),
  };
}

// A cell a spreadsheet would run as a formula (=, +, -, @) is written as text.
const csvCell = (value: string | null) => {
  const text = value ?? "";
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The activity as CSV, in the order given: a header row, then one row per entry. */
export function activityCsv(entries: SecurityActivityEntry[]): string {
  const header = ["When (UTC)", "What", "Detail", "Device", "IP address", "Location"].join(",");
  const rows = entries.map((entry) => [iso(entry.createdAt), entry.title, entry.detail, entry.device, entry.ipAddress, entry.location].map(csvCell).join(","));
  return [header, ...rows].join("\r\n") + "\r\n";
}
