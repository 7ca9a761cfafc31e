import type { Database, TenantId, UserId } from '@replyline/db';
import { toCsv } from '../inbox/csv';
import { listTickets, type TListTickets } from './list-tickets';

/** Most tickets one export holds; narrow the filter for more. */
export const TICKET_EXPORT_LIMIT = 5_000;

const PAGE = 100;

const CSV_HEADER = [
  'number',
  'id',
  'subject',
  'status',
  'priority',
  'category',
  'customer_email',
  'customer_name',
  'assignee',
  'conversation_id',
  'created_at',
  'updated_at',
];

/** The workspace's tickets, newest first, as JSON lines (one ticket per line) or CSV. */
export async function exportTickets(
  db: Database,
  tenantId: TenantId,
  viewer: UserId,
  input: { format: 'jsonl' | 'csv'; filter?: Omit<TListTickets, 'cursor' | 'limit'> },
) {
  const rows = await collectTickets(db, tenantId, viewer, input.filter ?? {});
  const stamp = new Date().toISOString().slice(0, 10);
  if (input.format === 'jsonl')
    return {
      filename: `tickets-${stamp}.jsonl`,
      contentType: 'application/x-ndjson',
      body: rows.map((t) => `${JSON.stringify(t)}\n`).join(''),
      ticketCount: rows.length,
    };
  const body = toCsv(
    CSV_HEADER,
    rows.map((t) => [
      t.number,
      t.id,
      t.subject,
      t.status,
      t.priority,
      t.category,
      t.customerEmail,
      t.customerName,
      t.assigneeName,
      t.conversationId,
      t.createdAt,
      t.updatedAt,
    ]),
  );
  return {
    filename: `tickets-${stamp}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body,
    ticketCount: rows.length,
  };
}

async function collectTickets(
  db: Database,
  tenantId: TenantId,
  viewer: UserId,
  filter: Omit<TListTickets, 'cursor' | 'limit'>,
) {
  const rows: Awaited<ReturnType<typeof listTickets>>['tickets'] = [];
  let cursor: number | undefined;
  do {
    const page = await listTickets(db, tenantId, viewer, { ...filter, cursor, limit: PAGE });
    rows.push(...page.tickets);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < TICKET_EXPORT_LIMIT);
  return rows.slice(0, TICKET_EXPORT_LIMIT);
}
