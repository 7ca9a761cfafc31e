import { phrasesFor } from '../language/phrases';
import type { StopReason } from './output-guard';

/**
 * What the engine adds after a model's text: its own words when the answer was stopped
 * (don't know, can't share, can't promise), an ellipsis when it was too long, and
 * "don't know" when the model said nothing at all.
 */
export function endingFor(stopped: StopReason | null, text: string, language: string): string {
  const phrases = phrasesFor(language);
  const gap = text.trim() ? '\n\n' : '';
  if (stopped === 'no_answer') return `${gap}${phrases.dontKnow}`;
  if (stopped === 'leak') return `${gap}${phrases.cannotShare}`;
  if (stopped === 'promise') return `${gap}${phrases.cannotPromise}`;
  if (stopped === 'length') return ' …';
  return text.trim() ? '' : phrases.dontKnow;
}

/** The answer said it does not know (as opposed to being stopped for safety). */
export function isUnanswered(stopped: StopReason | null, text: string): boolean {
  return stopped === 'no_answer' || (stopped === null && !text.trim());
}
