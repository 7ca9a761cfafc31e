import { wordPattern } from '../text/word-pattern';
import { LEXICONS, type MessageTag } from './lexicons';

const PATTERNS = Object.entries(LEXICONS).map(
  ([tag, entries]) => [tag as MessageTag, wordPattern(entries)] as const,
);

/** Shouting or a string of exclamation marks reads as frustration in any language. */
function looksShouted(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const upper = text.match(/\p{Lu}/gu) ?? [];
  return /[!?]{3,}/.test(text) || (letters.length >= 12 && upper.length / letters.length > 0.7);
}

/** Sentiment and intent tags of one customer message, for analytics and escalation. */
export function tagMessage(text: string): MessageTag[] {
  const tags = PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([tag]) => tag);
  if (!tags.includes('upset') && looksShouted(text)) tags.push('upset');
  return tags;
}

const SMALL_TALK_WORDS = wordPattern(
  [
    ...LEXICONS.greeting,
    ...LEXICONS.thanks,
    'there',
    'again',
    'a\\s+lot',
    'so\\s+much',
    'very\\s+much',
    'mye',
    'sehr',
  ],
  'giu',
);

/** "Hi!" or "thanks a lot" and nothing more: answered kindly without looking anything up. */
export function isSmallTalk(text: string, tags: MessageTag[]): 'greeting' | 'thanks' | null {
  const kind = tags.includes('thanks') ? 'thanks' : tags.includes('greeting') ? 'greeting' : null;
  if (!kind) return null;
  const rest = text.replace(SMALL_TALK_WORDS, ' ').replace(/[\p{P}\p{S}\s]/gu, '');
  return rest.length <= 3 ? kind : null;
}
