import { schema, withTenant, type TenantDb, type TenantId } from '@replyline/db';
import { sendEmail, type EmailDeps, type TConversationTranscriptProps } from '@replyline/email';
import { and, asc, count, eq, gt, inArray, min, sql } from 'drizzle-orm';
import { DomainError } from '../domain-error';
import { z } from 'zod';
import { agentDisplayName } from './handoff';

const { conversations, events, messages, tenants, users } = schema;

/** Copies of one conversation a visitor may have emailed per hour (the window slides). */
export const TRANSCRIPTS_PER_CONVERSATION_HOUR = 3;
const HOUR_MS = 3_600_000;
/** The email template's limit: a longer chat sends its most recent messages. */
const MAX_MESSAGES = 500;
const MAX_TEXT = 20_000;
const ADDRESS = z.email().max(254);

export const TRANSCRIPT_EVENT = 'transcript_emailed';
/**
 * Tags a system line the team sees in the inbox and the visitor never receives (the widget's
 * reads and the realtime relay skip it, see `listMessages`).
 */
export const TEAM_ONLY_TAG = 'team_only';

export type TranscriptOutcome =
  | { sent: true; emailId: string; maskedTo: string }
  | { sent: false; retryAfterSeconds: number; message: string };

/**
 * Emails the visitor a copy of their conversation: what they saw of it (their messages, the
 * assistant's and the team's answers; never internal notes or system lines), under the
 * workspace's name, through the outbox (Resend, or the dev outbox without a key). At most
 * `TRANSCRIPTS_PER_CONVERSATION_HOUR` copies an hour, counted from the conversation's own
 * `transcript_emailed` events under a row lock, so concurrent requests cannot slip past it.
 * Each copy leaves that event and a line for the team ("Transcript emailed to a…@example.com").
 * Throws not_found when the tenant has no such conversation or it has nothing to send yet.
 */
export async function emailTranscript(
  deps: EmailDeps,
  tenantId: TenantId,
  conversationId: string,
  request: { to: string; timeZone?: string },
): Promise<TranscriptOutcome> {
  const to = request.to.trim();
  if (!ADDRESS.safeParse(to).success)
    throw new DomainError('bad_input', 'Enter a valid email address, such as name@example.com.');
  const maskedTo = maskEmail(to);
  const reserved = await withTenant(deps.db, tenantId, (tx) =>
    reserveTranscript(tx, tenantId, conversationId, maskedTo),
  );
  if (!reserved.sent) return reserved;
  try {
    const { emailId } = await sendEmail(deps, {
      to,
      template: 'conversation-transcript',
      props: { ...reserved.props, timeZone: knownTimeZone(request.timeZone) },
      metadata: { tenantId, conversationId },
    });
    return { sent: true, emailId, maskedTo };
  } catch (error) {
    // Not sent: the line must not say it was, and the attempt must not use up the hour.
    await withTenant(deps.db, tenantId, (tx) => releaseTranscript(tx, tenantId, reserved.ids));
    throw error;
  }
}

type Reservation =
  | {
      sent: true;
      props: Omit<TConversationTranscriptProps, 'timeZone'>;
      ids: { eventId: string; lineId: string };
    }
  | Extract<TranscriptOutcome, { sent: false }>;

async function reserveTranscript(
  tx: TenantDb,
  tenantId: TenantId,
  conversationId: string,
  maskedTo: string,
): Promise<Reservation> {
  const [conversation] = await tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), eq(conversations.id, conversationId)))
    .for('update');
  if (!conversation) throw new DomainError('not_found', 'There is no conversation to email yet.');

  const limited = await hourlyLimitReached(tx, tenantId, conversationId);
  if (limited) return limited;
  const props = await transcriptProps(tx, tenantId, conversationId);
  if (props.messages.length === 0)
    throw new DomainError('not_found', 'There is nothing in this conversation to email yet.');

  const [event] = await tx
    .insert(events)
    .values({ tenantId, conversationId, type: TRANSCRIPT_EVENT, data: { to: maskedTo } })
    .returning({ id: events.id });
  const [line] = await tx
    .insert(messages)
    .values({
      tenantId,
      conversationId,
      role: 'system',
      content: `Transcript emailed to ${maskedTo}`,
      tags: [TEAM_ONLY_TAG, TRANSCRIPT_EVENT],
    })
    .returning({ id: messages.id });
  return { sent: true, props, ids: { eventId: event!.id, lineId: line!.id } };
}

async function releaseTranscript(
  tx: TenantDb,
  tenantId: TenantId,
  ids: { eventId: string; lineId: string },
): Promise<void> {
  await tx.delete(events).where(and(eq(events.tenantId, tenantId), eq(events.id, ids.eventId)));
  await tx
    .delete(messages)
    .where(and(eq(messages.tenantId, tenantId), eq(messages.id, ids.lineId)));
}

/** Null while the hour has room; otherwise when the oldest copy in it leaves the window. */
async function hourlyLimitReached(
  tx: TenantDb,
  tenantId: TenantId,
  conversationId: string,
): Promise<Extract<TranscriptOutcome, { sent: false }> | null> {
  const [window] = await tx
    .select({ copies: count(), oldest: min(events.createdAt) })
    .from(events)
    .where(
      and(
        eq(events.tenantId, tenantId),
        eq(events.conversationId, conversationId),
        eq(events.type, TRANSCRIPT_EVENT),
        gt(events.createdAt, sql`now() - interval '1 hour'`),
      ),
    );
  if (!window || window.copies < TRANSCRIPTS_PER_CONVERSATION_HOUR) return null;
  const oldest = window.oldest ? new Date(window.oldest).getTime() : Date.now();
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest + HOUR_MS - Date.now()) / 1000));
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return {
    sent: false,
    retryAfterSeconds,
    message: `This conversation has already been emailed ${TRANSCRIPTS_PER_CONVERSATION_HOUR} times in the last hour. You can ask for another copy in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`,
  };
}

/** What the visitor saw, oldest first, under the workspace's and the assistant's names. */
async function transcriptProps(tx: TenantDb, tenantId: TenantId, conversationId: string) {
  const [[tenant], rows] = await Promise.all([
    tx
      .select({ name: tenants.name, persona: tenants.persona })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
    tx
      .select({
        role: messages.role,
        content: messages.content,
        createdAt: messages.createdAt,
        authorName: users.name,
        authorEmail: users.email,
      })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorUserId))
      .where(
        and(
          eq(messages.tenantId, tenantId),
          eq(messages.conversationId, conversationId),
          inArray(messages.role, ['visitor', 'assistant', 'agent']),
        ),
      )
      .orderBy(asc(messages.createdAt), asc(messages.id)),
  ]);
  const workspaceName = tenant?.name ?? 'Support';
  const assistantName = tenant?.persona.assistantName?.trim() || workspaceName;
  const said = rows.filter((row) => row.content.trim() !== '').slice(-MAX_MESSAGES);
  return {
    workspaceName,
    messages: said.map((row) => ({
      role: row.role as 'visitor' | 'assistant' | 'agent',
      author:
        row.role === 'visitor'
          ? 'You'
          : row.role === 'agent'
            ? agentDisplayName({ name: row.authorName, email: row.authorEmail })
            : assistantName,
      content: row.content.slice(0, MAX_TEXT),
      at: row.createdAt,
    })),
  };
}

/** "a…@example.com": enough for the team to recognise an address without showing it. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '…';
  return `${address[0]}…${address.slice(at)}`;
}

/** The visitor's time zone when this runtime knows it; otherwise the email shows UTC. */
function knownTimeZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}
