import "server-only";
import { db } from "@/lib/db";
import { endSessions } from "./session-store";
import { Prisma } from "@/lib/generated/prisma/client";
import { placeName } from "@/lib/location";
import { readRelation, relation, type RowOf } from "@/lib/relations";
import { describeUserAgent } from "./user-agent";

export type ActiveSession = {
  id: string;
  browser: string;
  os: string;
  ipAddress: string | null;
  /** Where the session started: "London, United Kingdom", "This network", or null when not known. */
  location: string | null;
  /** When the person signed in on this device, with every factor (a replaced session keeps it). */
  signedInAt: Date;
  lastActiveAt: Date;
  current: boolean;
};

/** The person's unexpired sessions, the most recently active first. */
export const activeSessionsRelation = relation({
  model: "Session",
  table: "session",
  owner: "userId",
  columns: { id: true, userAgent: true, ipAddress: true, city: true, country: true, createdAt: "date", signedInAt: "date", updatedAt: "date" },
  where: () => Prisma.sql`"expiresAt" > ${new Date()}`,
  orderBy: [["updatedAt", "DESC"]],
});

/**
 * This one first, then the most recently active. Only the id leaves this module: a session token is
 * a bearer credential and never goes to the browser.
 */
export function toActiveSessions(sessions: RowOf<typeof activeSessionsRelation>[], currentSessionId: string): ActiveSession[] {
  return sessions
    .map((session) => ({
      id: session.id,
      ...describeUserAgent(session.userAgent),
      ipAddress: session.ipAddress || null,
      location: placeName(session, session.ipAddress),
      signedInAt: session.signedInAt ?? session.createdAt,
      lastActiveAt: session.updatedAt,
      current: session.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

export async function listActiveSessions(userId: string, currentSessionId: string): Promise<ActiveSession[]> {
  const sessions = await readRelation(userId, { relation: activeSessionsRelation });
  return toActiveSessions(sessions, currentSessionId);
}

/**
 * Ends one of the person's own sessions. The owner is part of the WHERE clause, so someone else's
 * session id matches nothing: the answer is the same as for an id that does not exist.
 */
export async function revokeSession(userId: string, sessionId: string): Promise<{ userAgent: string | null } | null> {
  const target = await db.session.findFirst({ where: { id: sessionId, userId }, select: { userAgent: true, token: true } });
  if (!target) return null;
  // Of two requests racing, one deletes the row; only that one ends the session and says so.
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  if (count === 0) return null;
  await endSessions([target.token]);
  return { userAgent: target.userAgent };
}

/** Ends every session of the person except the one making the request; returns how many ended. */
export async function revokeOtherSessions(userId: string, currentSessionId: string): Promise<number> {
  const others = await db.session.findMany({ where: { userId, id: { not: currentSessionId } }, select: { token: true } });
  const tokens = others.map((session) => session.token);
  const { count } = await db.session.deleteMany({ where: { token: { in: tokens } } });
  await endSessions(tokens);
  return count;
}
