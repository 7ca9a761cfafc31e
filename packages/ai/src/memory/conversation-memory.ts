import type { ChatMessage, VisitorContext } from '../types';
import { escapeData } from '../prompt/escape';

export interface StoredTurn {
  role: 'visitor' | 'assistant' | 'agent' | 'note' | 'system';
  content: string;
}

/** Roughly four characters a token, the same rule metering uses for estimates. */
export const approximateTokens = (text: string) => Math.ceil(text.length / 4);

/** History tokens a model gets by default: recent turns, not the whole conversation. */
export const HISTORY_TOKEN_BUDGET = 1_500;
/** One long turn is shortened rather than pushing every other turn out. */
const MAX_TURN_CHARS = 1_200;

/**
 * The latest turns (oldest first) that fit the token budget. Agent replies are the business
 * speaking, so they count as assistant turns; internal notes never reach a model.
 */
export function recentTurns(
  turns: StoredTurn[],
  budgetTokens = HISTORY_TOKEN_BUDGET,
): ChatMessage[] {
  const picked: ChatMessage[] = [];
  let used = 0;
  for (const turn of [...turns].reverse()) {
    if (turn.role !== 'visitor' && turn.role !== 'assistant' && turn.role !== 'agent') continue;
    const content =
      turn.content.length > MAX_TURN_CHARS
        ? `${turn.content.slice(0, MAX_TURN_CHARS)}…`
        : turn.content;
    const cost = approximateTokens(content);
    if (used + cost > budgetTokens) break;
    used += cost;
    picked.push({ role: turn.role === 'visitor' ? 'user' : 'assistant', content });
  }
  return picked.reverse();
}

/**
 * What the host site told us about an identified visitor, as a data block. Only the fields a
 * support answer uses; the cart is left out (free-form and possibly large).
 */
export function visitorContextBlock(context: VisitorContext | null | undefined): string | null {
  if (!context) return null;
  const lines = [
    context.name && `name: ${context.name}`,
    context.plan && `plan: ${context.plan}`,
    context.orderIds?.length && `order ids: ${context.orderIds.slice(0, 10).join(', ')}`,
    context.page && `current page: ${context.page}`,
  ].filter((line): line is string => typeof line === 'string');
  if (lines.length === 0) return null;
  return `<visitor_context>\n${escapeData(lines.join('\n').slice(0, 1_000))}\n</visitor_context>`;
}
