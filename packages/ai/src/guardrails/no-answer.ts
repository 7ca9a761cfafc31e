import { unfinishedNeedle, type OutputDetector } from './detector';

/**
 * What the model is told to write when the passages do not answer the question. The engine
 * swaps it for its own "I don't know" in the customer's language and counts the turn as
 * unanswered, so analytics and escalation do not depend on how a model phrases doubt.
 */
export const NO_ANSWER_MARKER = 'NO_ANSWER';

export function noAnswerDetector(): OutputDetector {
  let seen = 0;
  return {
    kind: 'no_answer',
    scan: (text) => {
      const at = text.indexOf(NO_ANSWER_MARKER, Math.max(0, seen - NO_ANSWER_MARKER.length));
      seen = text.length;
      return at >= 0 ? at : null;
    },
    pending: (text) => unfinishedNeedle(text, [NO_ANSWER_MARKER]),
  };
}
