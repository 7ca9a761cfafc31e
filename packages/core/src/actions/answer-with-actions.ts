import {
  cleanInput,
  detectLanguage,
  tagMessage,
  type ChatTools,
  type EngineEvent,
} from '@replyline/ai';
import { withTenant, type Database, type TenantId } from '@replyline/db';
import type { MessageCard, VisitorContext } from '@replyline/db/schema';
import type { Resolve } from '@replyline/net';
import { insertVisitorMessage, storeAssistantMessage } from '../conversations/conversation-store';
import {
  answerVisitorTurn,
  type AnswerOptions,
  type OpenedTurn,
} from '../conversations/visitor-turn';
import { insertConversation } from '../conversations/visitor-conversation';
import type { ActionVisitor, IntegrationServices } from '../integrations/index';
import { formCardOf } from './action-form';
import { matchActionIntent, type ActionIntent } from './action-intents';
import { toolSchemaOf } from './action-parameters';
import type { ConversationCard } from './cards';
import { textOfCard, toolResultOf } from './card-text';
import {
  loadEnabledActions,
  runActionForVisitor,
  type ActionDeps,
  type LoadedAction,
} from './run-action';

/** At most this many cards in one answer, whatever a model asks for. */
const MAX_CARDS = 4;

export interface ActionTurnDeps {
  /** Endpoints on loopback allowed (development, tests): from validated env only. */
  allowLocal: boolean;
  resolve?: Resolve;
  /** The job queue, for built-ins whose effects outlive the call (booking reminders). */
  queue?: IntegrationServices['queue'];
}

/**
 * Answers a visitor's message with the workspace's enabled actions in reach: a language model
 * gets them as tools (see `ChatTools`); with no model, a message with a clear intent (order
 * status, booking, a quote) runs or offers its action directly. The cards the actions showed
 * are streamed as a `cards` event and stored with the answer. Without enabled actions this
 * is `answerVisitorTurn`, unchanged.
 */
export function answerWithActions(
  db: Database,
  opened: OpenedTurn<unknown>,
  options: AnswerOptions,
  deps: ActionTurnDeps,
): AsyncGenerator<EngineEvent> {
  // No actions read with the turn (the usual case): the plain answer, without a generator
  // around it that would only pass its every event on.
  if (!opened.context || opened.actions?.length === 0)
    return answerVisitorTurn(db, opened, options);
  return answerWithEnabledActions(db, opened, options, deps);
}

async function* answerWithEnabledActions(
  db: Database,
  opened: OpenedTurn<unknown>,
  options: AnswerOptions,
  deps: ActionTurnDeps,
): AsyncGenerator<EngineEvent> {
  const actions = opened.actions ?? (await loadEnabledActions(db, opened.tenantId));
  if (actions.length === 0) return yield* answerVisitorTurn(db, opened, options);
  const visitor = visitorOf(opened, options.visitorContext);
  const runDeps: ActionDeps = {
    db,
    allowLocal: deps.allowLocal,
    resolve: deps.resolve,
    services: deps.queue ? { db, queue: deps.queue } : undefined,
  };
  if (options.model.kind === 'language-model') {
    const cards: ConversationCard[] = [];
    const tools = toolsFor(opened.tenantId, actions, visitor, runDeps, cards);
    return yield* answerVisitorTurn(db, opened, {
      ...options,
      tools,
      takeCards: () => cards as MessageCard[],
    });
  }
  const intent = matchActionIntent(cleanInput(options.text), actions, visitor);
  if (!intent) return yield* answerVisitorTurn(db, opened, options);
  yield* answerIntent(db, opened, options, { intent, visitor, runDeps });
}

/**
 * Who is asking, as actions see it: identified only by a signed identity. The email comes
 * from an email identity only (a conversation's customer email may have been typed into the
 * hand-off form), the user id from a user identity, the context from what the site signed.
 */
export function visitorOf(opened: OpenedTurn<unknown>, sent?: VisitorContext): ActionVisitor {
  const key = opened.conversation.identityKey;
  const context = sent ?? opened.context?.visitorContext ?? undefined;
  if (!key) return { conversationId: opened.conversation.id, identified: false };
  return {
    conversationId: opened.conversation.id,
    identified: true,
    email: key.startsWith('email:') ? key.slice('email:'.length) : undefined,
    externalId: key.startsWith('user:') ? key.slice('user:'.length) : context?.userId,
    context: context ? { ...context } : {},
  };
}

function toolsFor(
  tenantId: TenantId,
  actions: LoadedAction[],
  visitor: ActionVisitor,
  deps: ActionDeps,
  cards: ConversationCard[],
): ChatTools {
  return {
    definitions: actions.map((action) => ({
      name: action.name,
      description: action.description,
      parameters: toolSchemaOf(action.parameters),
    })),
    run: async (name, args) => {
      const action = actions.find((a) => a.name === name);
      if (!action) return `There is no tool named ${name}.`;
      if (cards.length >= MAX_CARDS) return 'Refused: enough has been looked up for this answer.';
      const outcome = await runActionForVisitor(deps, {
        tenantId,
        action,
        visitor,
        params: args,
      });
      cards.push(outcome.card);
      return toolResultOf(outcome.card, outcome.ok);
    },
  };
}

/** A deterministic intent: the visitor's message, then the action's card with its words. */
async function* answerIntent(
  db: Database,
  opened: OpenedTurn<unknown>,
  options: AnswerOptions,
  input: { intent: ActionIntent; visitor: ActionVisitor; runDeps: ActionDeps },
): AsyncGenerator<EngineEvent> {
  const question = cleanInput(options.text);
  const language = detectLanguage(question, opened.context!.tenant.language);
  const { messageId: visitorMessageId } = await storeVisitorMessage(db, opened, {
    content: question,
    tags: tagMessage(question),
    language,
  });
  options.onVisitorMessage?.({ messageId: visitorMessageId });
  const { intent, visitor, runDeps } = input;
  const card: ConversationCard =
    intent.kind === 'form'
      ? formCardOf(intent.action)
      : (
          await runActionForVisitor(runDeps, {
            tenantId: opened.tenantId,
            action: intent.action,
            visitor,
            params: intent.params,
          })
        ).card;
  if (options.signal?.aborted) return;
  const text = textOfCard(card);
  for (const word of text.match(/\s*\S+/g) ?? []) yield { type: 'token', text: word };
  const usage = { inputTokens: 0, outputTokens: 0, model: 'none' };
  const { messageId } = await storeAssistantMessage(db, opened.tenantId, opened.conversation.id, {
    content: text,
    sources: [],
    cards: [card as MessageCard],
    tags: ['action'],
    usage,
    escalation: null,
  });
  yield { type: 'cards', cards: [card as MessageCard] };
  yield { type: 'sources', sources: [] };
  yield {
    type: 'done',
    messageId,
    escalationSuggested: false,
    reason: null,
    tags: ['action'],
    usage,
    language,
  };
}

/** The visitor's message (and a seeded conversation's row, with its first message). */
function storeVisitorMessage(
  db: Database,
  opened: OpenedTurn<unknown>,
  message: { content: string; tags: string[]; language: string },
) {
  const { tenantId, conversation } = opened;
  return withTenant(db, tenantId, async (tx) => {
    if (!opened.state && conversation.seed)
      await insertConversation(tx, tenantId, {
        id: conversation.id,
        visitorId: conversation.visitorId,
        identityKey: conversation.identityKey,
        ...conversation.seed,
      });
    return insertVisitorMessage(tx, tenantId, conversation.id, message);
  });
}
