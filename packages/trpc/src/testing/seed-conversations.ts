// Conversations with chosen times, roles and tags, written straight to the tables, for the
// inbox, analytics and settings tests (the chat engine itself is tested in packages/ai).
import { randomUUID } from 'node:crypto';
import { schema, withTenant, type Database, type TenantId } from '@replyline/db';

export interface SeedMessage {
  role: 'visitor' | 'assistant' | 'agent' | 'note' | 'system';
  content: string;
  /** When it was written; defaults to a second after the previous message. */
  at?: Date;
  tags?: string[];
  sources?: schema.MessageSource[];
  feedback?: 1 | -1;
  authorUserId?: string;
}

export interface SeedConversation {
  visitorId?: string;
  status?: 'open' | 'escalated' | 'resolved';
  /** Also records an 'escalated' event (as the widget's escalation does). */
  escalated?: boolean;
  rating?: number;
  language?: string;
  customerEmail?: string;
  customerName?: string;
  createdAt?: Date;
  messages?: SeedMessage[];
}

export async function seedConversation(
  db: Database,
  tenantId: TenantId,
  input: SeedConversation = {},
): Promise<string> {
  const createdAt = input.createdAt ?? new Date();
  let clock = createdAt.getTime();
  const messages = (input.messages ?? []).map((m) => {
    clock = m.at ? m.at.getTime() : clock + 1_000;
    return { ...m, at: new Date(clock) };
  });
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .insert(schema.conversations)
      .values({
        tenantId,
        visitorId: input.visitorId ?? `v_${randomUUID()}`,
        status: input.status ?? (input.escalated ? 'escalated' : 'open'),
        rating: input.rating,
        language: input.language,
        customerEmail: input.customerEmail,
        customerName: input.customerName,
        createdAt,
        updatedAt: messages.at(-1)?.at ?? createdAt,
        lastMessageAt: messages.at(-1)?.at ?? createdAt,
      })
      .returning({ id: schema.conversations.id });
    const conversationId = row!.id;
    if (messages.length)
      await tx.insert(schema.messages).values(
        messages.map((m) => ({
          tenantId,
          conversationId,
          role: m.role,
          content: m.content,
          tags: m.tags ?? [],
          sources: m.sources ?? [],
          feedback: m.feedback,
          authorUserId: m.authorUserId,
          createdAt: m.at,
        })),
      );
    if (input.escalated)
      await tx.insert(schema.events).values({
        tenantId,
        conversationId,
        type: 'escalated',
        createdAt: messages.at(-1)?.at ?? createdAt,
      });
    return conversationId;
  });
}

/** `days` days (and optionally `minutes` minutes) before now. */
export function ago(days: number, minutes = 0): Date {
  return new Date(Date.now() - days * 86_400_000 - minutes * 60_000);
}
