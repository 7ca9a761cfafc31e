import type { MessageCard } from '@replyline/db/schema';
import type { Database } from '@replyline/db';
import { z } from 'zod';
import { storeAssistantMessage } from '../conversations/conversation-store';
import type { OpenedTurn } from '../conversations/visitor-turn';
import { DomainError } from '../domain-error';
import { visitorOf, type ActionTurnDeps } from './answer-with-actions';
import { textOfCard } from './card-text';
import {
  confirmProposal,
  loadActionByName,
  runActionForVisitor,
  type ActionDeps,
  type ActionOutcome,
} from './run-action';

/**
 * What a visitor's press on a card asks for: confirm a proposed call (a booking), or run an
 * action with values from a form or a picked slot.
 */
export const ZVisitorActionRequest = z.union([
  z.strictObject({ proposalId: z.uuid() }),
  z.strictObject({
    action: z.string().regex(/^[a-z][a-z0-9_]{0,47}$/),
    params: z.record(z.string(), z.unknown()).default({}),
  }),
]);
export type TVisitorActionRequest = z.input<typeof ZVisitorActionRequest>;

/**
 * Runs what a visitor pressed in a conversation under the same rules as an answer (identity,
 * parameters, confirmation), and stores the resulting card as the assistant's message so the
 * transcript shows it. A proposal is confirmed only in the conversation it was made in.
 */
export async function answerVisitorActionRequest(
  db: Database,
  opened: OpenedTurn<unknown>,
  input: TVisitorActionRequest,
  deps: ActionTurnDeps,
): Promise<{ messageId: string; card: MessageCard; text: string }> {
  if (!opened.state) throw new DomainError('not_found', 'This conversation has not started yet.');
  const request = ZVisitorActionRequest.parse(input);
  const visitor = visitorOf(opened);
  const runDeps: ActionDeps = {
    db,
    allowLocal: deps.allowLocal,
    resolve: deps.resolve,
    services: deps.queue ? { db, queue: deps.queue } : undefined,
  };
  let outcome: ActionOutcome;
  if ('proposalId' in request) {
    outcome = await confirmProposal(runDeps, {
      tenantId: opened.tenantId,
      conversationId: opened.conversation.id,
      proposalId: request.proposalId,
      visitor,
    });
  } else {
    const action = await loadActionByName(db, opened.tenantId, request.action);
    if (!action?.enabled) throw new DomainError('not_found', 'This action is not available.');
    outcome = await runActionForVisitor(runDeps, {
      tenantId: opened.tenantId,
      action,
      visitor,
      params: request.params,
    });
  }
  const card = outcome.card as MessageCard;
  const text = textOfCard(outcome.card);
  const { messageId } = await storeAssistantMessage(db, opened.tenantId, opened.conversation.id, {
    content: text,
    sources: [],
    cards: [card],
    tags: ['action'],
    usage: { inputTokens: 0, outputTokens: 0, model: 'none' },
    escalation: null,
  });
  return { messageId, card, text };
}
