/**
 * Text placed inside a `<passage>` or other data tag: `<`, `>` and `&` are escaped, so no
 * passage or message can close its tag and open an `<instructions>` of its own.
 */
export function escapeData(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A value inside a double-quoted attribute. */
export function escapeAttribute(text: string): string {
  return escapeData(text).replace(/"/g, '&quot;').replace(/\s+/g, ' ');
}
