import "server-only";
import { randomUUID } from "node:crypto";
import type { GenericEndpointContext } from "@better-auth/core";
import type { BetterAuthPlugin, Verification } from "better-auth";
import { createAuthMiddleware, isAPIError } from "better-auth/api";
import { parseCookies } from "better-auth/cookies";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { placeName } from "@/lib/location";
import { readRelation, relation, type RowOf } from "@/lib/relations";
import { locateDevice, requestDevice } from "@/lib/request-device";
import { recordSecurityEvent } from "./activity";
import { dropVerifications } from "./session-store";
import { describeUserAgent } from "./user-agent";

/**
 * Devices trusted to skip the second step. better-auth's two-factor plugin keeps one verification
 * value per trust, named in the device's signed `trust_device` cookie, and renames it at every
 * sign-in that skips the step. This module keeps a row beside it with what a person needs to
 * recognise the device, follows the renames, and ends trusts: one, all, or all when the account's
 * protection changes.
 */

const TRUST_PREFIX = "trust-device-";
const TRUST_COOKIE = "trust_device";

export type TrustedDeviceSummary = {
  id: string;
  browser: string;
  os: string;
  ipAddress: string | null;
  location: string | null;
  trustedAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  /** The device asking: its cookie names this trust. */
  current: boolean;
};

/** The person's unexpired trusts, the most recently used first. */
export const trustedDevicesRelation = relation({
  model: "TrustedDevice",
  table: "trusted_device",
  owner: "userId",
  columns: { id: true, identifier: true, userAgent: true, ipAddress: true, city: true, country: true, createdAt: "date", lastUsedAt: "date", expiresAt: "date" },
  where: () => Prisma.sql`"expiresAt" > ${new Date()}`,
  orderBy: [
    ["lastUsedAt", "DESC"],
    ["id", "ASC"],
  ],
});

export function toTrustedDevices(rows: RowOf<typeof trustedDevicesRelation>[], currentIdentifier: string | null): TrustedDeviceSummary[] {
  return rows.map((row) => ({
    id: row.id,
    ...describeUserAgent(row.userAgent),
    ipAddress: row.ipAddress,
    location: placeName(row, row.ipAddress),
    trustedAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    current: row.identifier === currentIdentifier,
  }));
}

/**
 * The trust named in the request's cookie. Its signature is not checked here: the identifier is a
 * random secret of its own, and it is only ever looked for among the signed-in person's rows.
 */
export function trustIdentifier(headers: Headers | null | undefined): string | null {
  const cookies = parseCookies(headers?.get("cookie") ?? "");
  for (const name of [`better-auth.${TRUST_COOKIE}`, `__Secure-better-auth.${TRUST_COOKIE}`]) {
    const value = cookies.get(name);
    if (!value) continue;
    const identifier = decodeURIComponent(value).split("!")[1]?.split(".")[0];
    if (identifier?.startsWith(TRUST_PREFIX)) return identifier;
  }
  return null;
}

export async function listTrustedDevices(userId: string, currentIdentifier: string | null): Promise<TrustedDeviceSummary[]> {
  return toTrustedDevices(await readRelation(userId, { relation: trustedDevicesRelation }), currentIdentifier);
}

/** Ends one of the person's trusts: that device is asked for the code at its next sign-in. */
export async function revokeTrustedDevice(userId: string, id: string): Promise<{ userAgent: string | null } | null> {
  const row = await db.trustedDevice.findFirst({ where: { id, userId, expiresAt: { gt: new Date() } }, select: { identifier: true, userAgent: true } });
  if (!row) return null;
  // Of two requests racing, one deletes the row; only that one says so.
  const { count } = await db.trustedDevice.deleteMany({ where: { id, userId } });
  if (count === 0) return null;
  await dropVerifications([row.identifier]);
  return { userAgent: row.userAgent };
}

/**
 * Ends every trust of the person's, including any better-auth holds without a row of ours; returns
 * how many devices were trusted.
 */
export async function forgetTrustedDevices(userId: string): Promise<number> {
  const [rows, values] = await Promise.all([
    db.trustedDevice.findMany({ where: { userId }, select: { identifier: true, expiresAt: true } }),
    db.verification.findMany({ where: { value: userId, identifier: { startsWith: TRUST_PREFIX } }, select: { identifier: true } }),
  ]);
  await db.trustedDevice.deleteMany({ where: { userId } });
  await dropVerifications([...new Set([...rows, ...values].map((entry) => entry.identifier))]);
  const now = new Date();
  return rows.filter((row) => row.expiresAt > now).length;
}

/**
 * A trust was just granted (the second step with "Trust this device") or renamed (a sign-in that
 * skipped the step). A rename names the old trust in the request's cookie: the row follows it.
 */
async function rememberTrust(verification: Verification, ctx: GenericEndpointContext | null) {
  const userId = verification.value;
  const device = await locateDevice(requestDevice(ctx?.headers));
  const facts = { userAgent: device.userAgent, ipAddress: device.ipAddress, city: device.place.city, country: device.place.country };
  // The trust the request's cookie names, if any, found only among this person's.
  const previous = trustIdentifier(ctx?.headers);
  const now = new Date();
  if (previous) {
    const { count } = await db.trustedDevice.updateMany({
      where: { identifier: previous, userId, expiresAt: { gt: now } },
      data: { identifier: verification.identifier, lastUsedAt: now, expiresAt: verification.expiresAt, ...facts },
    });
    // better-auth drops the old value when it renames a trust, not when a trusted device passes the
    // second step again and is trusted anew: one trust per device either way.
    if (count > 0) return dropVerifications([previous]);
  }
  await db.trustedDevice.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  await db.trustedDevice.create({ data: { id: randomUUID(), userId, identifier: verification.identifier, expiresAt: verification.expiresAt, createdAt: now, lastUsedAt: now, ...facts } });
  const days = Math.round((verification.expiresAt.getTime() - now.getTime()) / 86_400_000);
  await recordSecurityEvent({ userId, type: "device_trusted", device, detail: `For ${days} days` });
}

/**
 * Keeps the rows beside better-auth's trusts, and ends every trust when the account's protection
 * changes: two-factor turned off (a later "on" must not bring old trusts back), or the password
 * changed with the other devices signed out. "This wasn't me" and a reset from a mailed link end
 * them too (lib/account/report-sign-in, lib/auth).
 */
export function trustedDevices() {
  return {
    id: "bastion-trusted-devices",
    init: () => ({
      options: {
        databaseHooks: {
          verification: {
            create: {
              after: async (verification, ctx) => {
                if (verification.identifier.startsWith(TRUST_PREFIX)) await rememberTrust(verification, ctx);
              },
            },
          },
        },
      },
    }),
    hooks: {
      after: [
        {
          matcher: (ctx) => ctx.path === "/two-factor/disable" || ctx.path === "/change-password",
          handler: createAuthMiddleware(async (ctx) => {
            const userId = ctx.context.session?.user.id;
            if (!userId || isAPIError(ctx.context.returned)) return;
            if (ctx.path === "/change-password" && !(ctx.body as { revokeOtherSessions?: boolean }).revokeOtherSessions) return;
            await forgetTrustedDevices(userId);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
