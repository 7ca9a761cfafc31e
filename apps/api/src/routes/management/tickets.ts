import { notFound } from '@replyline/core';
import { exportTickets, getTicket, listTickets } from '@replyline/core/tickets';
import type { z } from 'zod';
import { errorResponse, jsonResponse } from '../../contract/responses';
import { sendJson } from '../../http';

import { exportResponses, sendExport } from './send-export';
import {
  ExportQuerySchema,
  TicketDetailSchema,
  TicketPageSchema,
  TicketParamsSchema,
  TicketQuerySchema,
} from './schemas';
import { keyRoute } from './key-route';

export const listTicketsRoute = keyRoute(
  {
    access: 'read',
    method: 'get',
    path: '/v1/manage/tickets',
    summary: 'Tickets, newest first, a page at a time',
    request: { query: TicketQuerySchema },
    responses: {
      200: jsonResponse('A page of tickets', TicketPageSchema),
      400: errorResponse('Invalid filter'),
    },
  },
  async (ctx, { tenantId, userId }) => {
    const query = ctx.valid('query') as z.output<typeof TicketQuerySchema>;
    sendJson(ctx.res, 200, await listTickets(ctx.app.db, tenantId, userId, query));
  },
);

export const getTicketRoute = keyRoute(
  {
    access: 'read',
    method: 'get',
    path: '/v1/manage/tickets/{id}',
    summary: 'One ticket',
    request: { params: TicketParamsSchema },
    responses: {
      200: jsonResponse('The ticket', TicketDetailSchema),
      404: errorResponse('No such ticket in this workspace'),
    },
  },
  async (ctx, { tenantId }) => {
    const { id } = ctx.valid('param') as { id: string };
    const found = await getTicket(ctx.app.db, tenantId, id);
    if (!found) throw notFound('ticket');
    sendJson(ctx.res, 200, { ticket: found.ticket });
  },
);

export const exportTicketsRoute = keyRoute(
  {
    access: 'read',
    method: 'get',
    path: '/v1/manage/exports/tickets',
    summary: 'Tickets as JSON lines or CSV (at most 5,000)',
    request: {
      query: ExportQuerySchema.extend(
        TicketQuerySchema.pick({ status: true, priority: true }).shape,
      ),
    },
    responses: exportResponses('One ticket per line (jsonl) or per row (csv)'),
  },
  async (ctx, { tenantId, userId }) => {
    const { format, ...filter } = ctx.valid('query') as z.output<typeof ExportQuerySchema> &
      Pick<z.output<typeof TicketQuerySchema>, 'status' | 'priority'>;
    sendExport(ctx, await exportTickets(ctx.app.db, tenantId, userId, { format, filter }));
  },
);
