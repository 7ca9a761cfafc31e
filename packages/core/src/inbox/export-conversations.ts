import { schema, withTenant, type Database, type TenantId, type UserId } from '@replyline/db';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { toCsv } from './csv';
import { inboxWhere, ZInboxFilter } from './list-conversations';

const { conversations, messages, users } = schema;

/** Most conversations one export holds; narrow the filter for more. */
export const EXPORT_LIMIT = 1_000;

export const ZExportConversations = z
  .object({
    ids: z.array(z.uuid()).min(1).max(EXPORT_LIMIT).optional(),
    filter: ZInboxFilter.optional(),
    format: z.enum(['csv', 'json']),
    /** Internal notes are the team's; they stay out unless asked for. */
    includeNotes: z.boolean().default(false),
  })
  .refine((input) => input.ids || input.filter, {
    message: 'Choose conversations to export, or a filter.',
  });
export type TExportConversations = z.input<typeof ZExportConversations>;

export interface ConversationExport {
  filename: string;
  contentType: string;
  body: string;
  conversationCount: number;
}

/** One or many conversations with their messages as a CSV (a row per message) or JSON file. */
export async function exportConversations(
  db: Database,
  tenantId: TenantId,
  input: TExportConversations,
  viewer: UserId | null = null,
): Promise<ConversationExport> {
  const { ids, filter, format, includeNotes } = ZExportConversations.parse(input);
  const data = await withTenant(db, tenantId, async (tx) => {
    const found = await tx
      .select({
        id: conversations.id,
        visitorId: conversations.visitorId,
        customerEmail: conversations.customerEmail,
        customerName: conversations.customerName,
        status: conversations.status,
        language: conversations.language,
        rating: conversations.rating,
        createdAt: conversations.createdAt,
        lastMessageAt: conversations.lastMessageAt,
      })
      .from(conversations)
      .where(
        and(
          inboxWhere(tenantId, filter ?? {}, viewer),
          ids ? inArray(conversations.id, ids) : undefined,
        ),
      )
      .orderBy(desc(conversations.lastMessageAt))
      .limit(EXPORT_LIMIT);
    if (found.length === 0) return { found, rows: [] };
    const rows = await tx
      .select({
        conversationId: messages.conversationId,
        id: messages.id,
        role: messages.role,
        authorName: users.name,
        content: messages.content,
        sources: messages.sources,
        tags: messages.tags,
        feedback: messages.feedback,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.authorUserId))
      .where(
        and(
          eq(messages.tenantId, tenantId),
          inArray(
            messages.conversationId,
            found.map((c) => c.id),
          ),
          includeNotes ? undefined : ne(messages.role, 'note'),
        ),
      )
      .orderBy(asc(messages.createdAt), asc(messages.id));
    return { found, rows };
  });

  const stamp = new Date().toISOString().slice(0, 10);
  const name = data.found.length === 1 ? `conversation-${data.found[0]!.id}` : 'conversations';
  if (format === 'json') {
    const byConversation = new Map<string, Omit<(typeof data.rows)[number], 'conversationId'>[]>();
    for (const { conversationId, ...message } of data.rows) {
      const list = byConversation.get(conversationId) ?? [];
      list.push(message);
      byConversation.set(conversationId, list);
    }
    const body = JSON.stringify(
      {
        exportedAt: new Date().toISOString(),
        conversations: data.found.map((c) => ({
          ...c,
          messages: byConversation.get(c.id) ?? [],
        })),
      },
      null,
      2,
    );
    return {
      filename: `${name}-${stamp}.json`,
      contentType: 'application/json',
      body,
      conversationCount: data.found.length,
    };
  }
  const byId = new Map(data.found.map((c) => [c.id, c]));
  const body = toCsv(
    CSV_HEADER,
    data.rows.map((m) => csvRow(byId.get(m.conversationId)!, m)),
  );
  return {
    filename: `${name}-${stamp}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body,
    conversationCount: data.found.length,
  };
}

const CSV_HEADER = [
  'conversation_id',
  'conversation_status',
  'visitor_id',
  'customer_email',
  'customer_name',
  'language',
  'rating',
  'message_id',
  'sent_at',
  'role',
  'author',
  'content',
  'tags',
  'sources',
  'feedback',
];

function csvRow(
  c: {
    id: string;
    status: string;
    visitorId: string;
    customerEmail: string | null;
    customerName: string | null;
    language: string | null;
    rating: number | null;
  },
  m: {
    id: string;
    createdAt: Date;
    role: string;
    authorName: string | null;
    content: string;
    tags: string[];
    sources: schema.MessageSource[];
    feedback: number | null;
  },
) {
  return [
    c.id,
    c.status,
    c.visitorId,
    c.customerEmail,
    c.customerName,
    c.language,
    c.rating,
    m.id,
    m.createdAt,
    m.role,
    m.authorName,
    m.content,
    m.tags.join(' '),
    m.sources.map((s) => (s.page ? `${s.title} p.${s.page}` : s.title)).join('; '),
    m.feedback,
  ];
}
