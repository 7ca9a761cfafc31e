import type { EscalationReason } from '../types';
import type { MessageTag } from './lexicons';

export interface EscalationInput {
  tags: readonly MessageTag[];
  /** This answer says it does not know (nothing relevant was found, or the model said so). */
  unanswered: boolean;
  /** The previous assistant answer in this conversation did not know either. */
  previousUnanswered: boolean;
}

/**
 * Whether to offer a person, and the strongest reason: asked for one, failed twice in a row,
 * upset, or could not answer.
 */
export function escalationFor(input: EscalationInput): {
  suggested: boolean;
  reason: EscalationReason | null;
} {
  const reason: EscalationReason | null = input.tags.includes('human_requested')
    ? 'human_requested'
    : input.unanswered && input.previousUnanswered
      ? 'repeated_failure'
      : input.tags.includes('upset')
        ? 'negative_sentiment'
        : input.unanswered
          ? 'low_confidence'
          : null;
  return { suggested: reason !== null, reason };
}
