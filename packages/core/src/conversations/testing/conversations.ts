import { randomUUID } from 'node:crypto';
import type { TenantId } from '@replyline/db';
import type { TestDatabase } from '@replyline/db/testing';
import { startConversation } from '../conversation-store';

export async function newConversation(
  t: TestDatabase,
  tenantId: TenantId,
  visitorId = `v-${randomUUID()}`,
) {
  return (await startConversation(t.db, tenantId, { visitorId })).conversationId;
}
