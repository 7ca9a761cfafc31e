import type { TenantPersona } from '@replyline/db/schema';
import type { StoredTurn } from '../memory/conversation-memory';
import type { VisitorContext } from '../types';

/** What the engine knows of a conversation when a message comes in; the caller reads it. */
export interface TurnContext {
  tenant: {
    name: string;
    language: string;
    siteUrl: string | null;
    allowedOrigins: string[];
    persona: TenantPersona;
    /** The tenant's chat model; null uses the configured default. */
    aiModel: string | null;
  };
  visitorId: string;
  visitorContext: VisitorContext | null;
  /** Oldest first. */
  turns: (StoredTurn & { tags: string[] })[];
}

/**
 * A visitor's first message to a tenant with the default persona and no history: what the
 * answer evaluation and tests ask their questions in.
 */
export function firstMessageContext(tenant: { name: string; language: string }): TurnContext {
  return {
    tenant: {
      ...tenant,
      siteUrl: null,
      allowedOrigins: [],
      persona: { assistantName: 'Assistant', tone: 'plain', refusedTopics: [] },
      aiModel: null,
    },
    visitorId: 'visitor',
    visitorContext: null,
    turns: [],
  };
}
