import type { Adapter, AdapterUser } from '@auth/core/adapters';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { schema, type Database } from '@replyline/db';
import { eq, sql } from 'drizzle-orm';

const { users, accounts, sessions, verificationTokens } = schema;

/**
 * Auth.js's Drizzle adapter on our own tables. Users and sessions are platform-level (no
 * tenant_id): a person exists before they belong to any workspace.
 */
export function createAdapter(db: Database): Adapter {
  const adapter = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return { ...adapter, getUserByEmail: (email) => findUserByEmail(db, email) };
}

/**
 * Auth.js lower-cases the address it is given, but a user created elsewhere (an invite, the
 * seed) may be stored as typed. Emails are unique case-insensitively (users_email_key), so the
 * lookup must be too, or signing in as `Kari@…` would try to create a second `kari@…`.
 */
async function findUserByEmail(db: Database, email: string): Promise<AdapterUser | null> {
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerified: users.emailVerified,
      image: users.image,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return user ?? null;
}
