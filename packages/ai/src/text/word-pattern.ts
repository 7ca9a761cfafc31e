/**
 * A case-insensitive regex that matches any of the given words or phrases as whole words.
 * JavaScript's `\b` only knows ASCII letters, so "nå" or "människa" need explicit lookarounds.
 * Phrases may contain `\s+`-separated words; entries are regex source, so keep them literal.
 */
export function wordPattern(words: readonly string[], flags = 'iu'): RegExp {
  const alternatives = words.map((w) => w.trim().replace(/\s+/g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, flags);
}
