import type { Database, TenantId } from '@replyline/db';
import { exportConversations, type ConversationExport } from './export-conversations';
import type { TInboxFilter } from './list-conversations';

/**
 * Conversations with their messages for another system: JSON lines (one conversation per
 * line, for streaming importers) or CSV (one message per row), as the dashboard exports them.
 */
export async function exportConversationsAs(
  db: Database,
  tenantId: TenantId,
  input: { format: 'jsonl' | 'csv'; filter?: TInboxFilter },
): Promise<ConversationExport> {
  const filter = input.filter ?? {};
  if (input.format === 'csv') return exportConversations(db, tenantId, { format: 'csv', filter });
  const json = await exportConversations(db, tenantId, { format: 'json', filter });
  const { conversations } = JSON.parse(json.body) as { conversations: unknown[] };
  return {
    ...json,
    filename: json.filename.replace(/\.json$/, '.jsonl'),
    contentType: 'application/x-ndjson',
    body: conversations.map((c) => `${JSON.stringify(c)}\n`).join(''),
  };
}
