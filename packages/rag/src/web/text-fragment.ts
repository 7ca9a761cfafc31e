/** Words of a quote beyond which a text fragment names only its start and end. */
const WHOLE_QUOTE_WORDS = 10;
const EDGE_WORDS = 4;

/**
 * The page address with a text fragment (`#:~:text=`) that makes a browser scroll to and
 * highlight the quoted sentence. Long quotes are named by their first and last words
 * (`text=start,end`), which survives differences in whitespace and inline markup between.
 */
export function citationLink(pageUrl: string, quote: string): string {
  const sentence = firstSentence(quote);
  const url = new URL(pageUrl);
  url.hash = '';
  if (!sentence) return url.toString();
  const words = sentence.split(/\s+/);
  const directive =
    words.length <= WHOLE_QUOTE_WORDS
      ? encodeFragmentText(sentence)
      : `${encodeFragmentText(words.slice(0, EDGE_WORDS).join(' '))},${encodeFragmentText(words.slice(-EDGE_WORDS).join(' '))}`;
  return `${url.toString()}#:~:text=${directive}`;
}

function firstSentence(text: string): string {
  const plain = text
    .replace(/^#{1,6}\s+.*$/gm, ' ')
    .replace(/^\s*[-*]\s+/gm, ' ')
    .replace(/[*_`|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const match = /^(.+?[.!?])(?:\s|$)/.exec(plain);
  return (match?.[1] ?? plain).slice(0, 300).trim();
}

/** Percent-encoding, plus `-`, which the fragment syntax uses for its context terms. */
function encodeFragmentText(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}
