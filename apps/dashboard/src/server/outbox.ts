import type { Database } from '@replyline/db';
import { getOutboundEmail, listOutbox } from '@replyline/email';

/** The newest emails with the first link of each (a sign-in link, an invitation…). */
export async function listOutboxWithLinks(db: Database, limit = 50) {
  const emails = await listOutbox(db, { limit });
  return Promise.all(
    emails.map(async (email) => {
      const full = await getOutboundEmail(db, email.id);
      return { ...email, link: full ? firstLink(full.text) : null };
    }),
  );
}

export function firstLink(text: string): string | null {
  return /https?:\/\/[^\s<>"')\]]+/.exec(text)?.[0] ?? null;
}
