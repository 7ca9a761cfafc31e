import { randomUUID } from 'node:crypto';
import { createTenant, schema, withTenant, type NewTenant, type TenantId } from '@replyline/db';
import type { TestDatabase } from '@replyline/db/testing';
import {
  addFaqEntries,
  addPdfDocument,
  addTextDocument,
  processDocument,
  type KnowledgeDeps,
} from '@replyline/rag';
import { and, asc, eq } from 'drizzle-orm';
import { createOpenAIChatModel } from '../providers/openai-chat-model';
import type { EngineEvent, MessageSource } from '../types';
import type { ChatStub } from './openai-chat-stub';

const { messages } = schema;

export async function newTenant(
  t: TestDatabase,
  options: Partial<NewTenant> = {},
): Promise<TenantId> {
  const slug = `t-${randomUUID().slice(0, 8)}`;
  return (await createTenant(t.db, { name: `Tenant ${slug}`, slug, ...options })).tenantId;
}

/** Ingestion on the test database; documents are processed right away instead of by a worker. */
export function knowledge(t: TestDatabase): KnowledgeDeps {
  return { db: t.db, queue: { send: async () => null } };
}

export async function addText(t: TestDatabase, tenantId: TenantId, title: string, text: string) {
  const deps = knowledge(t);
  const added = await addTextDocument(deps, tenantId, { title, text, format: 'markdown' });
  await processDocument(deps, tenantId, added.documentId);
  return added.documentId;
}

export async function addPdf(
  t: TestDatabase,
  tenantId: TenantId,
  filename: string,
  bytes: Uint8Array,
) {
  const deps = knowledge(t);
  const added = await addPdfDocument(deps, tenantId, { filename, bytes });
  await processDocument(deps, tenantId, added.documentId);
  return added.documentId;
}

export async function addFaq(
  t: TestDatabase,
  tenantId: TenantId,
  entries: { question: string; answer: string }[],
) {
  return addFaqEntries(knowledge(t), tenantId, entries);
}

/** The SDK pointed at the stub, with short timeouts so failure tests stay quick. */
export function stubModel(
  stub: ChatStub,
  options: { maxRetries?: number; timeoutMs?: number; idleTimeoutMs?: number } = {},
) {
  return createOpenAIChatModel({
    apiKey: stub.apiKey,
    baseURL: stub.baseURL,
    model: 'gpt-stub',
    maxRetries: options.maxRetries ?? 1,
    timeoutMs: options.timeoutMs ?? 2_000,
    idleTimeoutMs: options.idleTimeoutMs ?? 2_000,
  });
}

export interface Collected {
  tokens: string[];
  /** The streamed tokens joined: what the customer saw. */
  text: string;
  sources: MessageSource[] | null;
  done: Extract<EngineEvent, { type: 'done' }> | null;
  error: string | null;
  order: EngineEvent['type'][];
}

export async function collect(events: AsyncIterable<EngineEvent>): Promise<Collected> {
  const result: Collected = {
    tokens: [],
    text: '',
    sources: null,
    done: null,
    error: null,
    order: [],
  };
  for await (const event of events) {
    if (result.order.at(-1) !== event.type) result.order.push(event.type);
    if (event.type === 'token') result.tokens.push(event.text);
    if (event.type === 'sources') result.sources = event.sources;
    if (event.type === 'done') result.done = event;
    if (event.type === 'error') result.error = event.message;
  }
  result.text = result.tokens.join('');
  return result;
}

export async function storedMessages(t: TestDatabase, tenantId: TenantId, conversationId: string) {
  return withTenant(t.db, tenantId, (tx) =>
    tx
      .select({
        role: messages.role,
        content: messages.content,
        sources: messages.sources,
        tags: messages.tags,
        usage: messages.usage,
      })
      .from(messages)
      .where(and(eq(messages.tenantId, tenantId), eq(messages.conversationId, conversationId)))
      .orderBy(asc(messages.createdAt)),
  );
}
