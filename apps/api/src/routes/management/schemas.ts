// The management API's schemas: request validation, the OpenAPI document, and through it the
// generated types of @replyline/client.
import { z } from '@hono/zod-openapi';
import { ZActionInput } from '@replyline/core/actions';

const dateTime = () => z.string().openapi({ format: 'date-time' });
const uuid = () => z.string().openapi({ format: 'uuid' });

export const DocumentSchema = z
  .object({
    id: uuid(),
    kind: z.string().openapi({ description: 'pdf, text, markdown, faq, or another source kind' }),
    title: z.string(),
    status: z.enum(['queued', 'processing', 'ready', 'failed']),
    error: z.string().nullable(),
    pagesDone: z.number().int(),
    pagesTotal: z.number().int().nullable(),
    sizeBytes: z.number().int(),
    chunkCount: z.number().int(),
    updatedAt: dateTime(),
  })
  .openapi('Document');

export const DocumentListSchema = z
  .object({ documents: z.array(DocumentSchema) })
  .openapi('DocumentList');

export const AddedDocumentSchema = z
  .object({
    documentId: uuid(),
    status: z.enum(['queued', 'processing', 'ready', 'failed']),
    duplicate: z
      .boolean()
      .openapi({ description: 'The same content was already there; nothing new was stored.' }),
    error: z.string().nullable(),
  })
  .openapi('AddedDocument');

export const AddTextRequestSchema = z
  .object({
    title: z.string().trim().min(1, 'a document needs a title').max(200),
    text: z.string().min(1, 'the document is empty').max(5_000_000),
    format: z.enum(['text', 'markdown']).default('markdown'),
  })
  .openapi('AddTextRequest');

export const UploadQuerySchema = z.object({
  filename: z.string().trim().min(1).max(200).openapi({
    description:
      'The file’s name, e.g. `returns.pdf`; its ending names the kind (.pdf, .docx, .html, .htm, .md, .markdown, .txt).',
  }),
});

export const DocumentParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const FaqEntryRequestSchema = z
  .object({
    question: z.string().trim().min(3, 'a question needs at least 3 characters').max(1_000),
    answer: z.string().trim().min(1, 'an answer cannot be empty').max(20_000),
  })
  .openapi('FaqEntryRequest');

export const FaqParamsSchema = z.object({
  externalId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9._:-]+$/, 'use letters, digits, and . _ : - only')
    .openapi({
      param: { name: 'externalId', in: 'path' },
      description: 'Your system’s id of the entry (letters, digits, `. _ : -`).',
    }),
});

export const SyncedFaqEntrySchema = z
  .object({
    externalId: z.string(),
    faqEntryId: uuid(),
    question: z.string(),
    answer: z.string(),
    outcome: z.enum(['created', 'updated', 'unchanged']),
  })
  .openapi('SyncedFaqEntry');

export const DeletedSchema = z.object({ deleted: z.literal(true) }).openapi('Deleted');

export const ConversationSummarySchema = z
  .object({
    id: uuid(),
    visitorId: z.string(),
    customerEmail: z.string().nullable(),
    customerName: z.string().nullable(),
    status: z.enum(['open', 'escalated', 'resolved']),
    escalated: z.boolean(),
    language: z.string().nullable(),
    rating: z.number().int().nullable(),
    lastMessageAt: dateTime(),
    createdAt: dateTime(),
  })
  .openapi('ConversationSummary');

export const ConversationPageSchema = z
  .object({
    conversations: z.array(ConversationSummarySchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null on the last.' }),
  })
  .openapi('ConversationPage');

export const ConversationQuerySchema = z.object({
  status: z.enum(['open', 'escalated', 'resolved']).optional(),
  from: z.iso.datetime().optional().openapi({ description: 'Last activity at or after' }),
  to: z.iso.datetime().optional().openapi({ description: 'Last activity at or before' }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const TranscriptMessageSchema = z
  .object({
    id: uuid(),
    role: z.string(),
    content: z.string(),
    authorName: z.string().nullable(),
    createdAt: dateTime(),
  })
  .openapi('TranscriptMessage');

export const ConversationDetailSchema = z
  .object({
    conversation: ConversationSummarySchema,
    messages: z.array(TranscriptMessageSchema),
  })
  .openapi('ConversationDetail');

export const ConversationParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const TicketSchema = z
  .object({
    id: uuid(),
    number: z.number().int(),
    subject: z.string(),
    customerEmail: z.string().nullable(),
    customerName: z.string().nullable(),
    status: z.enum(['open', 'pending', 'solved', 'closed']),
    priority: z.enum(['low', 'normal', 'high', 'urgent']),
    category: z.string().nullable(),
    assigneeName: z.string().nullable(),
    conversationId: uuid().nullable(),
    createdAt: dateTime(),
    updatedAt: dateTime(),
  })
  .openapi('ManagedTicket');

export const TicketPageSchema = z
  .object({
    tickets: z.array(TicketSchema),
    nextCursor: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Pass as `cursor` for the next page; null on the last.' }),
  })
  .openapi('TicketPage');

export const TicketQuerySchema = z.object({
  status: z.enum(['open', 'pending', 'solved', 'closed']).optional(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const TicketParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const TicketDetailSchema = z.object({ ticket: TicketSchema }).openapi('TicketDetail');

export const ExportQuerySchema = z.object({
  format: z.enum(['jsonl', 'csv']).default('jsonl'),
});

export const AddWebsiteRequestSchema = z
  .object({
    url: z.string().trim().min(1).max(2_000).openapi({ example: 'https://shop.example' }),
    sitemapUrl: z.string().trim().max(2_000).nullish(),
    maxPages: z.number().int().min(1).max(5_000).default(200),
    maxDepth: z.number().int().min(0).max(20).default(5),
    include: z
      .array(z.string().trim().min(1).max(200))
      .max(50)
      .default([])
      .openapi({ description: 'Only pages whose path matches one of these (`*` wildcards)' }),
    exclude: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    schedule: z.enum(['daily', 'weekly', 'manual']).default('weekly'),
  })
  .openapi('AddWebsiteRequest');

export const WebsiteSchema = z
  .object({
    id: uuid(),
    startUrl: z.string(),
    sitemapUrl: z.string().nullable(),
    maxPages: z.number().int(),
    maxDepth: z.number().int(),
    includePatterns: z.array(z.string()),
    excludePatterns: z.array(z.string()),
    schedule: z.enum(['daily', 'weekly', 'manual']),
    status: z.enum(['queued', 'crawling', 'ready', 'failed']),
    error: z.string().nullable(),
    pagesFound: z.number().int(),
    pagesDone: z.number().int(),
    pagesChanged: z.number().int(),
    pagesFailed: z.number().int(),
    pagesIndexed: z.number().int(),
    lastCrawledAt: dateTime().nullable(),
    nextCrawlAt: dateTime().nullable(),
    createdAt: dateTime(),
  })
  .openapi('Website');

export const WebsiteListSchema = z
  .object({ websites: z.array(WebsiteSchema) })
  .openapi('WebsiteList');

export const WebsiteDetailSchema = WebsiteSchema.extend({
  pages: z.array(
    z.object({
      url: z.string(),
      title: z.string().nullable(),
      status: z.enum(['indexed', 'skipped', 'failed']),
      error: z.string().nullable(),
      httpStatus: z.number().int().nullable(),
      documentId: uuid().nullable(),
      lastCrawledAt: dateTime(),
    }),
  ),
}).openapi('WebsiteDetail');

export const WebsiteParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const QueuedSchema = z.object({ queued: z.literal(true) }).openapi('Queued');

const ActionParametersSchema = z
  .object({
    type: z.literal('object').optional(),
    properties: z
      .record(
        z.string(),
        z.object({
          type: z.enum(['string', 'number', 'integer', 'boolean']),
          description: z.string().optional(),
          enum: z.array(z.string()).optional(),
        }),
      )
      .optional(),
    required: z.array(z.string()).optional(),
  })
  .openapi('ActionParameters', {
    description:
      'A flat JSON schema of the scalar parameters the assistant or the visitor supplies (at most 20).',
  });

const ResponseFieldSchema = z.object({
  path: z
    .string()
    .openapi({ description: 'A dotted path into the JSON answer, e.g. `order.status`' }),
  label: z.string(),
});

export const ActionSchema = z
  .object({
    id: uuid(),
    name: z.string().openapi({ description: 'The tool name, e.g. `order_status`' }),
    description: z.string(),
    kind: z
      .string()
      .openapi({ description: '`http` for your own endpoint, or a built-in integration' }),
    parameters: ActionParametersSchema,
    http: z
      .object({
        method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
        urlTemplate: z.string(),
        timeoutMs: z.number().int(),
        responseFields: z.array(ResponseFieldSchema),
        headerNames: z.array(z.string()).openapi({
          description:
            'The configured headers; their values are stored encrypted and never returned.',
        }),
      })
      .nullable(),
    settings: z.record(z.string(), z.unknown()).openapi({
      description: 'A built-in’s settings without its secret ones (those are never returned).',
    }),
    requiresIdentity: z.boolean(),
    sideEffects: z.boolean(),
    enabled: z.boolean(),
    updatedAt: dateTime(),
  })
  .openapi('Action');

export const ActionListSchema = z.object({ actions: z.array(ActionSchema) }).openapi('ActionList');

export const ActionParamsSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});

export const ActionEnabledRequestSchema = z
  .object({ enabled: z.boolean() })
  .openapi('ActionEnabledRequest');

/** The action as its owner describes it: the same rules as the dashboard's form. */
export const ActionInputSchema = ZActionInput.meta({
  id: 'ActionInput',
  description:
    'For `kind: http` give `http` (method, URL template with `{parameter}` places, headers, timeout, response fields); header values are write-only: left out on an update, the saved ones are kept. A built-in takes `settings` (its secret ones are write-only the same way).',
});
