import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tenantId, updatedAt } from './columns';
import { conversations } from './conversations';
import { tenants } from './tenants';

/** How an 'http' action calls the business's own endpoint (header values live encrypted). */
export interface ActionHttpCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `https://api.shop.example/orders/{orderId}`: each `{name}` is one encoded parameter. */
  urlTemplate: string;
  timeoutMs: number;
  /** Dotted paths into the JSON answer shown to the visitor; empty: none (a plain "done"). */
  responseFields: { path: string; label: string }[];
  /** Header names only, so the dashboard can list them; values are in `headers_encrypted`. */
  headerNames: string[];
}

/** A JSON-schema object of the parameters the model or the visitor supplies. */
export interface ActionParameters {
  type?: 'object';
  properties?: Record<string, { type: string; description?: string; enum?: string[] }>;
  required?: string[];
}

/**
 * A typed operation the assistant may run for a visitor: a built-in integration (`kind` is its
 * id) or the business's own endpoint (`kind` 'http'). Off until its owner enables it.
 */
export const actions = pgTable(
  'actions',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    /** The tool name the model calls: lower-case letters, digits and underscores. */
    name: text().notNull(),
    description: text().notNull(),
    kind: text().notNull(),
    parameters: jsonb().$type<ActionParameters>().notNull().default({}),
    http: jsonb().$type<ActionHttpCall>(),
    /** `encryptSecret` of a JSON object of header name -> value. */
    headersEncrypted: text(),
    /** A built-in's settings without its secret ones. */
    settings: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** `encryptSecret` of a JSON object of a built-in's secret settings. */
    settingsEncrypted: text(),
    requiresIdentity: boolean().notNull().default(true),
    sideEffects: boolean().notNull().default(false),
    enabled: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('actions_name_key').on(t.tenantId, t.name),
    check('actions_name_check', sql`${t.name} ~ '^[a-z][a-z0-9_]{0,47}$'`),
  ],
);

export type ActionProposalStatus = 'proposed' | 'confirmed' | 'done' | 'failed';

/** A call with side effects waiting for the visitor's confirmation in one conversation. */
export const actionProposals = pgTable(
  'action_proposals',
  {
    tenantId: tenantId().references(() => tenants.id, { onDelete: 'cascade' }),
    id: id(),
    conversationId: uuid().notNull(),
    actionId: uuid().notNull(),
    params: jsonb().$type<Record<string, unknown>>().notNull(),
    status: text().$type<ActionProposalStatus>().notNull().default('proposed'),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'action_proposals_conversation_fk',
      columns: [t.tenantId, t.conversationId],
      foreignColumns: [conversations.tenantId, conversations.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'action_proposals_action_fk',
      columns: [t.tenantId, t.actionId],
      foreignColumns: [actions.tenantId, actions.id],
    }).onDelete('cascade'),
    index('action_proposals_conversation_idx').on(t.tenantId, t.conversationId),
    index('action_proposals_action_idx').on(t.tenantId, t.actionId),
    check(
      'action_proposals_status_check',
      sql`${t.status} in ('proposed', 'confirmed', 'done', 'failed')`,
    ),
  ],
);
