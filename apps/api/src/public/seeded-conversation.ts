import { createConversation, getConversationState, type ConversationState } from '@replyline/ai';
import type { Database } from '@replyline/db';
import type { VisitorGrant } from './visitor-token';

/**
 * The grant's conversation, written now when its token carries the seed of one that was not
 * stored at start (conversations are stored with their first message, or an escalation, so
 * opening the chat leaves no empty rows). Null when it does not exist and cannot be made.
 */
export async function ensureConversation(
  db: Database,
  grant: VisitorGrant,
): Promise<ConversationState | null> {
  const state = await getConversationState(db, grant.tenantId, grant.conversationId);
  if (state || !grant.seed) return state;
  await createConversation(db, grant.tenantId, {
    id: grant.conversationId,
    visitorId: grant.visitorId,
    identityKey: grant.identityKey,
    ...grant.seed,
  });
  return getConversationState(db, grant.tenantId, grant.conversationId);
}
