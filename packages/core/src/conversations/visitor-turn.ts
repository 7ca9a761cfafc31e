import {
  answerTurn,
  cannedPlan,
  cleanInput,
  detectLanguage,
  planAnswer,
  readTurn,
  searchTexts,
  tagMessage,
  type AnswerPlan,
  type AnswerTurnOptions,
  type ChatModel,
  type ChatTools,
  type EngineEvent,
  type KnowledgeSearch,
  type MessageCard,
  type Turn,
  type TurnContext,
  type VisitorContext,
} from '@replyline/ai';
import { inParallel, withTenant, type Database, type TenantDb, type TenantId } from '@replyline/db';
import { searchKnowledgeIn, type Embedder } from '@replyline/rag';
import {
  insertVisitorMessage,
  readTurnRows,
  storeAssistantMessage,
  type ConversationRow,
} from './conversation-store';
import { readEnabledActions, type LoadedAction } from '../actions/enabled-actions';
import type { ConversationState } from './read-conversation';
import { insertConversation, type ConversationDraft } from './visitor-conversation';
import { countVisitorTokens } from './visitor-usage';

/**
 * The conversation a visitor writes in. `seed` describes one that is not stored yet: it is
 * written with the first message, so opening the chat leaves no empty rows.
 */
export interface VisitorConversation {
  id: string;
  visitorId: string;
  identityKey: string | null;
  seed?: Omit<ConversationDraft, 'id' | 'visitorId' | 'identityKey'>;
}

/** What one incoming message is decided on, read in one scoped transaction. */
export interface OpenedTurn<Quota> {
  tenantId: TenantId;
  conversation: VisitorConversation;
  /** Null while the conversation is not stored (yet). */
  state: TurnState | null;
  /** Null when the conversation is neither stored nor seeded: there is nothing to answer in. */
  context: TurnContext | null;
  quota: Quota | null;
  /** The visitor's model tokens today, when counted (`countTokensToday`). */
  tokensToday: number | null;
  /** The workspace's enabled actions, read with the rest (absent in turns built by hand). */
  actions?: LoadedAction[];
}

/**
 * Reads, in one tenant-scoped transaction, everything the answer to a visitor's message is
 * decided on: the conversation's state, the tenant's settings, recent turns, the plan's quota
 * (read by `readQuota` in the same transaction) and the visitor's tokens today. Writes nothing,
 * so a refusal decided on it (quota, rate limits) leaves no row behind.
 */
export async function openVisitorTurn<Quota = never>(
  db: Database,
  input: {
    tenantId: TenantId;
    conversation: VisitorConversation;
    readQuota?: (tx: TenantDb, tenantId: TenantId) => Promise<Quota>;
    countTokensToday?: boolean;
  },
): Promise<OpenedTurn<Quota>> {
  const { tenantId, conversation } = input;
  return withTenant(db, tenantId, async (tx) => {
    // Independent reads go out together: one round trip on a server instead of one each. The
    // visitor's tokens are counted for the visitor id the token names, which is the stored
    // conversation's in all but a signed user's conversation resumed in another browser.
    const [rows, quota, actions, tokensOfCaller] = await inParallel([
      readTurnRows(tx, tenantId, conversation.id),
      input.readQuota ? input.readQuota(tx, tenantId) : Promise.resolve(null),
      readEnabledActions(tx, tenantId),
      input.countTokensToday
        ? countVisitorTokens(tx, tenantId, conversation.visitorId)
        : Promise.resolve(null),
    ]);
    if (!rows) throw new Error(`Tenant ${tenantId} does not exist`);
    const stored = rows.conversation;
    const visitorId = stored?.visitorId ?? conversation.visitorId;
    const tokensToday =
      tokensOfCaller === null || visitorId === conversation.visitorId
        ? tokensOfCaller
        : await countVisitorTokens(tx, tenantId, visitorId);
    const context: TurnContext | null =
      stored || conversation.seed
        ? {
            tenant: rows.tenant,
            visitorId,
            visitorContext: stored ? stored.visitorContext : (conversation.seed?.context ?? null),
            turns: rows.turns,
          }
        : null;
    return {
      tenantId,
      conversation,
      state: stored && stateOf(stored),
      context,
      quota,
      tokensToday,
      actions,
    };
  });
}

/** What a turn is decided on: whether the bot may answer (who does instead is not needed). */
type TurnState = Pick<ConversationState, 'status' | 'botPaused' | 'visitorId'>;

function stateOf(row: ConversationRow): TurnState {
  return { status: row.status, botPaused: row.botPausedAt !== null, visitorId: row.visitorId };
}

/**
 * A person has taken the conversation over: the visitor's message is kept for them and the bot
 * stays quiet.
 */
export async function keepMessageForAgent(
  db: Database,
  turn: OpenedTurn<unknown>,
  text: string,
): Promise<{ messageId: string }> {
  const content = cleanInput(text);
  const language = detectLanguage(content, turn.context?.tenant.language ?? 'simple');
  return withTenant(db, turn.tenantId, (tx) =>
    insertVisitorMessage(tx, turn.tenantId, turn.conversation.id, {
      content,
      tags: tagMessage(content),
      language,
    }),
  );
}

export interface AnswerOptions {
  /** The customer's message as typed. */
  text: string;
  /** Identified-visitor context sent with this message; the conversation's stored context otherwise. */
  visitorContext?: VisitorContext;
  model: ChatModel;
  /** Answers when `model` is down after its retries, or the visitor is over budget. Default: extractive. */
  fallbackModel?: ChatModel;
  /** Overrides the tenant's own chat model (tenants.ai_model) for this answer. */
  modelName?: string;
  embedder?: Embedder | null;
  /** Model tokens one visitor may use per day; past it, the fallback answers. Unset: no limit. */
  dailyTokenLimit?: number;
  /** The customer went away: stop, and store no answer. */
  signal?: AbortSignal;
  /** The answer's steps once its first words are shown (see `answerTurn`); busy servers take longer ones. */
  batchIntervalMs?: number;
  /** Told the stored id of the customer's message before the answer starts (the API echoes it). */
  onVisitorMessage?: (message: { messageId: string }) => void;
  /** The workspace's actions as tools for a language model (see `answerWithActions`). */
  tools?: ChatTools;
  /** The cards the tools showed, read once the answer is complete, stored with it. */
  takeCards?: () => MessageCard[];
}

/** Whether an answer with these options is metered against the visitor's daily token limit. */
export function isMetered(options: Pick<AnswerOptions, 'model' | 'dailyTokenLimit'>): boolean {
  return options.model.kind === 'language-model' && options.dailyTokenLimit !== undefined;
}

/**
 * Answers one customer message in an opened turn: `token` events as the answer streams, then
 * `sources`, then `done` once the answer is stored (or a single `error`). One transaction
 * stores the customer's message (and a seeded conversation's row) and searches the knowledge
 * base; one more stores the complete answer with its usage record. A consumer that stops
 * reading (the customer left) leaves no answer behind.
 */
export async function* answerVisitorTurn(
  db: Database,
  opened: OpenedTurn<unknown>,
  options: AnswerOptions,
): AsyncGenerator<EngineEvent> {
  if (!opened.context) return yield { type: 'error', message: 'This conversation does not exist.' };
  const turn = readTurn(options.text, opened.context, options.visitorContext);
  if (!turn) return yield { type: 'error', message: 'The message is empty.' };
  const budget =
    isMetered(options) && opened.tokensToday !== null
      ? { used: opened.tokensToday, limit: options.dailyTokenLimit! }
      : null;
  const { messageId: visitorMessageId, plan } = await storeQuestionAndPlan(db, opened, turn, {
    embedder: options.embedder,
    budget,
  });
  options.onVisitorMessage?.({ messageId: visitorMessageId });

  yield* answerAndStore(
    db,
    { tenantId: opened.tenantId, conversationId: opened.conversation.id },
    turn,
    withTools(plan, options),
    options,
  );
}

/**
 * The answer to a stored question, the step a first answer and an answer asked for again share:
 * `token`s as it streams, then the complete answer stored (with the cards its actions showed),
 * then `cards`, `sources` and `done`; or one `error`. Nothing is stored when the customer left.
 */
export async function* answerAndStore(
  db: Database,
  target: { tenantId: TenantId; conversationId: string },
  turn: Turn,
  plan: AnswerPlan,
  options: AnswerTurnOptions & Pick<AnswerOptions, 'takeCards'>,
): AsyncGenerator<EngineEvent> {
  const outcome = yield* answerTurn(turn, plan, options);
  if (outcome.kind === 'failed') return yield { type: 'error', message: outcome.message };
  if (outcome.kind === 'aborted') return;
  const cards = options.takeCards?.() ?? [];
  const { messageId } = await storeAssistantMessage(db, target.tenantId, target.conversationId, {
    ...outcome.message,
    cards,
  });
  if (cards.length > 0) yield { type: 'cards', cards };
  yield { type: 'sources', sources: outcome.message.sources };
  yield {
    type: 'done',
    messageId,
    escalationSuggested: outcome.escalationSuggested,
    reason: outcome.message.escalation,
    tags: outcome.message.tags,
    usage: outcome.message.usage,
    language: turn.language,
  };
}

/**
 * With tools, a question the knowledge base cannot support still goes to the model: an action
 * may answer it ("where is my order?"). Every other fixed reply (injection, hand-off) stays.
 */
function withTools(plan: AnswerPlan, options: Pick<AnswerOptions, 'tools'>): AnswerPlan {
  if (!options.tools || plan.kind !== 'canned' || !plan.unanswered) return plan;
  return { kind: 'model', passages: [], overBudget: false };
}

/**
 * Stores the customer's message and decides how to answer it in one transaction. The question
 * is embedded before it opens: a network call must not hold a database connection.
 */
async function storeQuestionAndPlan(
  db: Database,
  opened: OpenedTurn<unknown>,
  turn: Turn,
  deps: { embedder?: Embedder | null; budget: { used: number; limit: number } | null },
): Promise<{ messageId: string; plan: AnswerPlan }> {
  const { canned, vectors } = await prepareToPlan(turn, deps.embedder);
  const { tenantId, conversation } = opened;
  return withTenant(db, tenantId, async (tx) => {
    // A new conversation's row goes out first and its first message right behind it, without
    // waiting for the answer: the connection runs them in the order sent. Searching reads only
    // knowledge rows and goes out with them. One round trip on a server.
    const seeding =
      !opened.state && conversation.seed
        ? insertConversation(tx, tenantId, {
            id: conversation.id,
            visitorId: conversation.visitorId,
            identityKey: conversation.identityKey,
            ...conversation.seed,
          })
        : Promise.resolve(false);
    const storing = insertVisitorMessage(tx, tenantId, conversation.id, {
      content: turn.question,
      tags: turn.tags,
      language: turn.language,
    });
    const planning = planIn(tx, tenantId, turn, { canned, vectors, budget: deps.budget });
    const [, stored, plan] = await inParallel([seeding, storing, planning]);
    return { ...stored, plan };
  });
}

/**
 * What planning needs before a transaction opens: the fixed reply the turn gets without
 * searching (injection, hand-off), else its texts embedded (a network call must not hold a
 * database connection).
 */
async function prepareToPlan(turn: Turn, embedder: Embedder | null | undefined) {
  const canned = cannedPlan(turn);
  const vectors = canned ? new Map<string, number[]>() : await embedAll(embedder, turn);
  return { canned, vectors };
}

/**
 * Decides how to answer a turn whose question is stored already (asked again, a hand-back's
 * leftovers): a fixed reply without opening a transaction, else the knowledge searched in one
 * of its own once the texts are embedded. No daily token budget: these answers are not the
 * visitor's new message.
 */
export async function planStoredTurn(
  db: Database,
  tenantId: TenantId,
  turn: Turn,
  embedder: Embedder | null | undefined,
): Promise<AnswerPlan> {
  const prepared = await prepareToPlan(turn, embedder);
  return (
    prepared.canned ??
    withTenant(db, tenantId, (tx) => planIn(tx, tenantId, turn, { ...prepared, budget: null }))
  );
}

/** Decides how to answer the turn, searching the tenant's knowledge in `tx` unless a fixed reply was found. */
function planIn(
  tx: TenantDb,
  tenantId: TenantId,
  turn: Turn,
  prepared: Awaited<ReturnType<typeof prepareToPlan>> & { budget: PlanBudget },
): Promise<AnswerPlan> {
  if (prepared.canned) return Promise.resolve(prepared.canned);
  const search = searchIn(tx, tenantId, prepared.vectors);
  return planAnswer({ ...turn, search, budget: prepared.budget });
}

type PlanBudget = { used: number; limit: number } | null;

/** The texts retrieval may search, embedded in one call (none without an embedder). */
async function embedAll(embedder: Embedder | null | undefined, turn: Turn) {
  const vectors = new Map<string, number[]>();
  if (!embedder) return vectors;
  const texts = searchTexts(turn)
    .map(searchable)
    .filter((text) => text.trim());
  if (texts.length === 0) return vectors;
  const embedded = await embedder.embed(texts);
  texts.forEach((text, i) => embedded[i] && vectors.set(text, embedded[i]));
  return vectors;
}

/** What search looks at of a text (see `searchKnowledge`). */
const searchable = (text: string) => text.slice(0, 2_000);

function searchIn(
  tx: TenantDb,
  tenantId: TenantId,
  vectors: Map<string, number[]>,
): KnowledgeSearch {
  return (text, options) =>
    searchKnowledgeIn(tx, tenantId, text, {
      ...options,
      queryVector: vectors.get(searchable(text)) ?? null,
    });
}

/**
 * Answers one customer message of a stored conversation (tests, tools, benches): the visitor
 * API's path without its transport, see `openVisitorTurn` and `answerVisitorTurn`.
 */
export async function* answerMessage(
  input: AnswerOptions & { db: Database; tenantId: TenantId; conversationId: string },
): AsyncGenerator<EngineEvent> {
  if (!cleanInput(input.text)) return yield { type: 'error', message: 'The message is empty.' };
  const opened = await openVisitorTurn(input.db, {
    tenantId: input.tenantId,
    conversation: { id: input.conversationId, visitorId: '', identityKey: null },
    countTokensToday: isMetered(input),
  });
  yield* answerVisitorTurn(input.db, opened, input);
}
