import { asUserId, schema, type Database, type UserId } from '@replyline/db';
import { and, eq, gt } from 'drizzle-orm';

const { sessions, users } = schema;

/** The signed-in person, as the dashboard needs them. */
export interface SessionUser {
  userId: UserId;
  email: string;
  name: string | null;
}

/** A Request, or Next's `cookies()` store: anything a cookie can be read from. */
export type SessionSource = Request | { get(name: string): { value: string } | undefined };

/** Auth.js's cookie name; browsers only accept the `__Secure-` prefix over https. */
export function sessionCookieName(secureCookies: boolean): string {
  return `${secureCookies ? '__Secure-' : ''}authjs.session-token`;
}

/** One cookie's value from a request's Cookie header or a cookie store; null when absent. */
export function readCookie(source: SessionSource, name: string): string | null {
  if (source instanceof Request) return fromCookieHeader(source.headers.get('cookie'), name);
  return source.get(name)?.value || null;
}

/** The user behind a session token, or null when it is unknown or expired. */
export async function findSessionUser(db: Database, token: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, new Date())));
  return row ? { ...row, userId: asUserId(row.userId) } : null;
}

/** Ends a session for good: the row goes, so the cookie is worthless even if it was copied. */
export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.sessionToken, token));
}

function fromCookieHeader(header: string | null, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      return value ? safeDecode(value) : null;
    }
  }
  return null;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
