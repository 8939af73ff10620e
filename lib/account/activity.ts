import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { securityNoticeMail, type EventFacts } from "@/lib/mail/templates";
import { ATTRIBUTION, placeName, type Place } from "@/lib/location";
import { readRelation, relation, type Read, type RowOf } from "@/lib/relations";
import { locateDevice, type RequestDevice } from "@/lib/request-device";
import { describeUserAgent } from "./user-agent";

/**
 * The account's security activity: what the timeline on /account/security shows, and which events
 * also send the owner a mail. A notice goes to the address the account has when it happens.
 */
const EVENTS = {
  sign_in: { title: "Signed in" },
  second_step_failed: { title: "Sign-in stopped at the second step" },
  password_changed: {
    title: "Password changed",
    // The detail says whether the other devices were signed out: the mail must not claim more.
    notice: { subject: "Your password was changed", intro: "The password of your account was changed." },
  },
  email_change_requested: { title: "Email change requested" },
  email_changed: { title: "Email address changed" },
  email_change_undone: { title: "Email change undone" },
  two_factor_enabled: {
    title: "Two-factor authentication turned on",
    notice: { subject: "Two-factor authentication is on", intro: "Two-factor authentication was turned on for your account: signing in now takes a code from an authenticator app." },
  },
  two_factor_disabled: {
    title: "Two-factor authentication turned off",
    notice: { subject: "Two-factor authentication is off", intro: "Two-factor authentication was turned off for your account: signing in now takes only the password." },
  },
  backup_code_used: {
    title: "Backup code used",
    notice: { subject: "A backup code was used", intro: "One of your two-factor backup codes was used. It no longer works." },
  },
  backup_codes_regenerated: { title: "Backup codes regenerated" },
  email_code_enabled: {
    title: "Codes by email turned on",
    notice: { subject: "Codes by email are on", intro: "Codes sent to this address can now stand in for your authenticator app when you sign in or confirm it's you." },
  },
  email_code_disabled: {
    title: "Codes by email turned off",
    notice: { subject: "Codes by email are off", intro: "Codes sent to this address no longer stand in for your authenticator app." },
  },
  email_code_sent: { title: "Code sent by email" },
  session_revoked: { title: "Signed out a device" },
  provider_linked: { title: "Account connected" },
  provider_unlinked: { title: "Account disconnected" },
  deletion_requested: { title: "Account deletion requested" },
  deletion_scheduled: { title: "Account scheduled for deletion" },
  deletion_cancelled: {
    title: "Account kept: deletion cancelled",
    notice: { subject: "Your account will not be deleted", intro: "The scheduled deletion of your account was cancelled: it stays as it is." },
  },
  sign_in_reported: { title: "Reported a sign-in as not you" },
  step_up_failed: { title: "Confirming it's you failed" },
  device_trusted: { title: "Device trusted to skip the code" },
  trusted_device_revoked: { title: "Stopped trusting a device" },
  data_exported: {
    title: "Data downloaded",
    notice: { subject: "Your data was downloaded", intro: "A copy of your account's data was downloaded." },
  },
  api_key_created: {
    title: "API key created",
    notice: { subject: "An API key was created", intro: "An API key was created for your account: scripts holding it can use your account within its scope." },
  },
  api_key_revoked: {
    title: "API key revoked",
    notice: { subject: "An API key was revoked", intro: "An API key of your account was revoked: it no longer works." },
  },
  passkey_added: {
    title: "Passkey added",
    notice: { subject: "A passkey was added", intro: "A passkey was added to your account: it signs in without your password or a code." },
  },
  passkey_removed: {
    title: "Passkey removed",
    notice: { subject: "A passkey was removed", intro: "A passkey was removed from your account: it no longer signs in." },
  },
} as const satisfies Record<string, { title: string; notice?: { subject: string; intro: string } }>;

export type SecurityEventType = keyof typeof EVENTS;

export const ACTIVITY_RETENTION_DAYS = 90;
export const ACTIVITY_PAGE_SIZE = 10;

// Ids sort in the order events were recorded, even within one millisecond (a backup code used, then
// the sign-in it completes): the list is ordered by time, then by id.
let sequence = 0;
const eventId = () =>
  `${Date.now().toString(36).padStart(9, "0")}${(sequence++ % 36 ** 4).toString(36).padStart(4, "0")}${randomUUID().slice(0, 8)}`;

const retentionCutoff = () => new Date(Date.now() - ACTIVITY_RETENTION_DAYS * 24 * 60 * 60 * 1000);

/** "Chrome 131 on macOS 15": how a person recognises a device. */
export function deviceName(userAgent: string | null | undefined): string {
  const { browser, os } = describeUserAgent(userAgent);
  return `${browser} on ${os}`;
}

/** What a mail says about where and when: the device, its address and where that is. */
export async function eventFacts(device: RequestDevice, when = new Date()): Promise<EventFacts> {
  const { ipAddress, userAgent, place } = await locateDevice(device);
  return { when, device: deviceName(userAgent), ipAddress, place: placeName(place, ipAddress), placeCredit: place.country ? ATTRIBUTION : null };
}

type NewEvent = { userId: string; type: SecurityEventType; device: RequestDevice; sessionId?: string; detail?: string };

/** Adds an entry to the person's activity (and drops entries past retention); sends its notice, if it has one. */
export async function recordSecurityEvent({ userId, type, device, sessionId, detail }: NewEvent) {
  const { ipAddress, userAgent, place } = await locateDevice(device);
  const event = await db.securityEvent.create({
    data: { id: eventId(), userId, type, ipAddress, userAgent, city: place.city, country: place.country, sessionId, detail },
  });
  await db.securityEvent.deleteMany({ where: { userId, createdAt: { lt: retentionCutoff() } } });
  const notice = (EVENTS[type] as { notice?: { subject: string; intro: string } }).notice;
  if (notice) await notify(userId, { ...notice, intro: detail ? `${notice.intro} ${detail}.` : notice.intro }, await eventFacts({ ipAddress, userAgent, place }, event.createdAt));
  return event;
}

/**
 * A completed sign-in. The owner gets a mail when it comes from a country the account has not signed
 * in from in the retention window, or else from a browser that has not; never for the account's very
 * first sign-in.
 */
export async function recordSignIn(
  userId: string,
  session: { id: string; ipAddress?: string | null; userAgent?: string | null; city?: string | null; country?: string | null },
  detail?: string,
) {
  // better-auth writes the session cookie again on some requests of a signed-in person (opening an
  // email-change link): the same session, already recorded.
  if ((await db.securityEvent.count({ where: { userId, type: "sign_in", sessionId: session.id } })) > 0) return;
  const place: Place = { city: session.city ?? null, country: session.country ?? null };
  const device = { ipAddress: session.ipAddress ?? null, userAgent: session.userAgent ?? null, place };
  const since = retentionCutoff();
  const earlier = { userId, type: "sign_in", createdAt: { gte: since } };
  const [earlierSignIns, fromThisBrowser, fromThisCountry] = await Promise.all([
    db.securityEvent.count({ where: earlier }),
    db.securityEvent.count({ where: { ...earlier, userAgent: device.userAgent } }),
    place.country ? db.securityEvent.count({ where: { ...earlier, country: place.country } }) : null,
  ]);
  const event = await recordSecurityEvent({ userId, type: "sign_in", device, sessionId: session.id, detail });
  if (earlierSignIns === 0) return;
  const facts = await eventFacts(device, event.createdAt);
  if (fromThisCountry === 0) {
    const country = placeName({ city: null, country: place.country }, device.ipAddress);
    await notify(userId, { subject: `New sign-in from ${country}`, intro: `Your account was just signed in to from ${country}, a country it has not been used from in the last ${ACTIVITY_RETENTION_DAYS} days.` }, facts);
  } else if (fromThisBrowser === 0) {
    await notify(userId, { subject: "New sign-in to your account", intro: "Your account was just signed in to from a device it has not been used on recently." }, facts);
  }
}

/**
 * A notice is worth less than the action it reports: a mail server that is down must not undo a
 * password change, so a failed send is logged (without the address) and the action stands.
 */
async function notify(userId: string, notice: { subject: string; intro: string }, facts: EventFacts) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true } });
  if (!user) return;
  const mail = securityNoticeMail(env.APP_NAME, user.name, { ...notice, subject: `${notice.subject} (${env.APP_NAME})`, facts, resetUrl: `${env.BETTER_AUTH_URL}/forgot-password` });
  try {
    await sendMail(user.email, mail);
  } catch (error) {
    console.error(`[security] could not send the "${notice.subject}" notice:`, error instanceof Error ? error.message : error);
  }
}

export type SecurityActivityEntry = {
  id: string;
  type: SecurityEventType;
  title: string;
  detail: string | null;
  device: string;
  ipAddress: string | null;
  /** "London, United Kingdom", "This network", or null when not known. */
  location: string | null;
  createdAt: Date;
  /** A sign-in that started the session looking at the page: "This wasn't me" makes no sense there. */
  currentSession: boolean;
};

export type SecurityActivityPage = { entries: SecurityActivityEntry[]; page: number; hasOlder: boolean };

/** Everything the activity keeps of the person's, newest first: what they download. */
export const securityActivityRelation = relation({
  model: "SecurityEvent",
  table: "security_event",
  owner: "userId",
  columns: { id: true, type: true, detail: true, userAgent: true, ipAddress: true, city: true, country: true, createdAt: "date", sessionId: true },
  where: () => Prisma.sql`"createdAt" >= ${retentionCutoff()} AND "type" IN (${Prisma.join(Object.keys(EVENTS))})`,
  orderBy: [
    ["createdAt", "DESC"],
    ["id", "DESC"],
  ],
});

/** One page of it, and one entry more: whether there is an older page to link to. */
export const securityActivityPage = (page: number) =>
  ({ relation: securityActivityRelation, offset: (page - 1) * ACTIVITY_PAGE_SIZE, limit: ACTIVITY_PAGE_SIZE + 1 }) satisfies Read;

type EventRow = RowOf<typeof securityActivityRelation>;

export function toSecurityActivityEntry(row: EventRow, currentSessionId: string): SecurityActivityEntry {
  const type = row.type as SecurityEventType;
  return {
    id: row.id,
    type,
    title: EVENTS[type].title,
    detail: row.detail,
    device: deviceName(row.userAgent),
    ipAddress: row.ipAddress,
    location: placeName(row, row.ipAddress),
    createdAt: row.createdAt,
    currentSession: row.sessionId !== null && row.sessionId === currentSessionId,
  };
}

export function toSecurityActivityPage(rows: EventRow[], page: number, currentSessionId: string): SecurityActivityPage {
  return {
    page,
    hasOlder: rows.length > ACTIVITY_PAGE_SIZE,
    entries: rows.slice(0, ACTIVITY_PAGE_SIZE).map((row) => toSecurityActivityEntry(row, currentSessionId)),
  };
}

export async function listAllSecurityActivity(userId: string, currentSessionId: string): Promise<SecurityActivityEntry[]> {
  const events = await readRelation(userId, { relation: securityActivityRelation });
  return events.map((row) => toSecurityActivityEntry(row, currentSessionId));
}

export async function listSecurityActivity(userId: string, page: number, currentSessionId: string): Promise<SecurityActivityPage> {
  const events = await readRelation(userId, securityActivityPage(page));
  return toSecurityActivityPage(events, page, currentSessionId);
}

/** The sign-in that started a session now goes on under another session id. */
export async function moveSignInToSession(fromSessionId: string, toSessionId: string) {
  await db.securityEvent.updateMany({ where: { type: "sign_in", sessionId: fromSessionId }, data: { sessionId: toSessionId } });
}

/** A sign-in event of this person's, or null: someone else's event is as unknown as a missing one. */
export async function findSignInEvent(userId: string, eventId: string) {
  return db.securityEvent.findFirst({ where: { id: eventId, userId, type: "sign_in" } });
}
