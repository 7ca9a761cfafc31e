import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  uniqueIndex,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from './columns';
import { users } from './auth';
import { tenants } from './tenants';

export const conversationStatus = pgEnum('conversation_status', ['open', 'escalated', 'resolved']);
export const messageRole = pgEnum('message_role', [
  'visitor',
  'assistant',
  'agent',
  'note',
  'system',
]);

/** What the host site told us about an identified visitor (signed with the identity secret). */
export interface VisitorContext {
  userId?: string;
  name?: string;
  plan?: string;
  orderIds?: string[];
  cart?: unknown;
  page?: string;
}

export interface MessageSource {
  /** The `[n]` marker the answer uses for this source (absent on answers stored before it). */
  n?: number;
  chunkId: string;
  documentId: string;
  title: string;
  page: number | null;
  heading: string | null;
  score: number;
}

/**
 * A card an answer showed (order status, slots, quote, a confirm request): its shape belongs
 * to the actions domain; the transcript keeps it as shown.
 */
export type MessageCard = { type: string } & Record<string, unknown>;

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  /** Extractive answers are metered in characters instead of tokens. */
  characters?: number;
  model: string;
}

export const conversations = pgTable(
  'conversations',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    visitorId: text().notNull(),
    /**
     * The signed identity this conversation belongs to ('user:<id>' or 'email:<lower-cased>');
     * null for anonymous visitors. An identified conversation resumes only for the same signed
     * identity, never for its visitor id alone.
     */
    identityKey: text(),
    customerEmail: text(),
    customerName: text(),
    status: conversationStatus().notNull().default('open'),
    language: text(),
    /** CSAT 1..5 given by the customer at the end. */
    rating: smallint(),
    /** While an agent has taken over, the bot stays quiet. */
    assignedUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    botPausedAt: timestamp({ withTimezone: true }),
    metadata: jsonb().$type<{ context?: VisitorContext; origin?: string }>().notNull().default({}),
    lastMessageAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('conversations_visitor_idx').on(t.tenantId, t.visitorId),
    // An identified visitor resumes by signed identity, from any browser.
    index('conversations_identity_idx')
      .on(t.tenantId, t.identityKey)
      .where(sql`${t.identityKey} IS NOT NULL`),
    // The inbox, newest activity first: read backwards, with the id as the cursor's tie-breaker.
    index('conversations_activity_idx').on(t.tenantId, t.lastMessageAt, t.id),
    // The inbox's "what changed since" poll, and analytics over the days conversations began.
    index('conversations_updated_idx').on(t.tenantId, t.updatedAt),
    index('conversations_started_idx').on(t.tenantId, t.createdAt),
    index('conversations_email_idx').on(t.tenantId, sql`lower(${t.customerEmail})`),
    // The inbox's "Mine" and "Unassigned" views.
    index('conversations_assignee_idx').on(t.tenantId, t.assignedUserId, t.lastMessageAt),
  ],
);

export const messages = pgTable(
  'messages',
  {
    tenantId: tenantId(),
    id: id(),
    conversationId: uuid().notNull(),
    role: messageRole().notNull(),
    content: text().notNull(),
    sources: jsonb().$type<MessageSource[]>().notNull().default([]),
    usage: jsonb().$type<TokenUsage>(),
    cards: jsonb().$type<MessageCard[]>().notNull().default([]),
    /** Sentiment / intent tags for analytics, e.g. ['upset', 'pricing']. */
    tags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Thumbs from the customer: 1 up, -1 down. */
    feedback: smallint(),
    authorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'messages_conversation_fk',
      columns: [t.tenantId, t.conversationId],
      foreignColumns: [conversations.tenantId, conversations.id],
    }).onDelete('cascade'),
    index('messages_conversation_idx').on(t.tenantId, t.conversationId, t.createdAt),
    // Analytics read messages by day across conversations.
    index('messages_time_idx').on(t.tenantId, t.createdAt),
  ],
);

export const ticketStatus = pgEnum('ticket_status', ['open', 'pending', 'solved', 'closed']);
export const ticketPriority = pgEnum('ticket_priority', ['low', 'normal', 'high', 'urgent']);

export const tickets = pgTable(
  'tickets',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    /** Human-facing number, counting from 1 within each tenant. */
    number: integer().notNull(),
    conversationId: uuid(),
    subject: text().notNull(),
    customerEmail: text().notNull(),
    customerName: text(),
    status: ticketStatus().notNull().default('open'),
    priority: ticketPriority().notNull().default('normal'),
    category: text(),
    assigneeUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('tickets_number_key').on(t.tenantId, t.number),
    foreignKey({
      name: 'tickets_conversation_fk',
      columns: [t.tenantId, t.conversationId],
      foreignColumns: [conversations.tenantId, conversations.id],
    }),
  ],
);

/** Analytics and product events (widget opened, escalation suggested, ...). */
export const events = pgTable(
  'events',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    type: text().notNull(),
    conversationId: uuid(),
    visitorId: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('events_type_time_idx').on(t.tenantId, t.type, t.createdAt),
    foreignKey({
      name: 'events_conversation_fk',
      columns: [t.tenantId, t.conversationId],
      foreignColumns: [conversations.tenantId, conversations.id],
    }).onDelete('cascade'),
  ],
);
