import { exportConversationsAs, getTranscript, listConversations } from '@replyline/core/inbox';
import { notFound } from '@replyline/core';
import type { z } from 'zod';
import { errorResponse, jsonResponse } from '../../contract/responses';
import { sendJson } from '../../http';

import { sendExport, exportResponses } from './send-export';
import {
  ConversationDetailSchema,
  ConversationPageSchema,
  ConversationParamsSchema,
  ConversationQuerySchema,
  ExportQuerySchema,
} from './schemas';
import { keyRoute } from './key-route';

export const listConversationsRoute = keyRoute(
  {
    access: 'read',
    method: 'get',
    path: '/v1/manage/conversations',
    summary: 'Conversations, newest activity first, a page at a time',
    request: { query: ConversationQuerySchema },
    responses: {
      200: jsonResponse('A page of conversations', ConversationPageSchema),
      400: errorResponse('Invalid filter or an expired cursor'),
    },
  },
  async (ctx, { tenantId }) => {
    const query = ctx.valid('query') as z.output<typeof ConversationQuerySchema>;
    const { syncedAt: _syncedAt, ...page } = await listConversations(ctx.app.db, tenantId, query);
    sendJson(ctx.res, 200, page);
  },
);

export const getConversationRoute = keyRoute(
  {
    access: 'read',
    method: 'get',
    path: '/v1/manage/conversations/{id}',
    summary: 'One conversation with every message, oldest first',
    request: { params: ConversationParamsSchema },
    responses: {
      200: jsonResponse('The conversation', ConversationDetailSchema),
      404: errorResponse('No such conversation in this workspace'),
    },
  },
  async (ctx, { tenantId }) => {
    const { id } = ctx.valid('param') as { id: string };
    const transcript = await getTranscript(ctx.app.db, tenantId, id);
    if (!transcript) throw notFound('conversation');
    sendJson(ctx.res, 200, {
      conversation: transcript.conversation,
      messages: transcript.messages,
      tickets: transcript.tickets,
    });
  },
);

export const exportConversationsRoute = keyRoute(
  {
    access: 'read',
    method: 'get',
    path: '/v1/manage/exports/conversations',
    summary: 'Conversations with their messages as JSON lines or CSV (at most 1,000)',
    request: {
      query: ExportQuerySchema.extend(
        ConversationQuerySchema.pick({ status: true, from: true, to: true }).shape,
      ),
    },
    responses: exportResponses('One conversation per line (jsonl) or one message per row (csv)'),
  },
  async (ctx, { tenantId }) => {
    const { format, status, from, to } = ctx.valid('query') as z.output<typeof ExportQuerySchema> &
      Pick<z.output<typeof ConversationQuerySchema>, 'status' | 'from' | 'to'>;
    const filter = {
      status,
      from: from ? new Date(from) : undefined,
      to: to ? new Date(to) : undefined,
    };
    sendExport(ctx, await exportConversationsAs(ctx.app.db, tenantId, { format, filter }));
  },
);
