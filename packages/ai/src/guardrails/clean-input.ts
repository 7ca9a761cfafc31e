import { stripInvisible } from './invisible';

/** Longest customer message the engine reads; longer ones are cut (a chat question is short). */
export const MAX_MESSAGE_CHARS = 2_000;

/** A customer message as the engine uses it: invisible characters gone, whitespace tidy, capped. */
export function cleanInput(text: string, maxChars = MAX_MESSAGE_CHARS): string {
  const visible = stripInvisible(text.normalize('NFC'))
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return Array.from(visible).slice(0, maxChars).join('').trim();
}
