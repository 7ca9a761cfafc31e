import {
  ensureConversation as ensureVisitorConversation,
  type ConversationState,
} from '@replyline/core';
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
  return ensureVisitorConversation(db, grant.tenantId, visitorConversationOf(grant));
}

/** The core's view of the conversation a visitor token is for. */
export function visitorConversationOf(grant: VisitorGrant) {
  return {
    id: grant.conversationId,
    visitorId: grant.visitorId,
    identityKey: grant.identityKey,
    seed: grant.seed,
  };
}
