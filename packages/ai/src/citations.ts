import { citationLink } from '@replyline/rag';
import type { MessageSource, Passage } from './types';

/**
 * What a customer needs to open a source, kept with it in the message's sources: a web page's
 * link to the quoted sentence, an FAQ entry's whole answer, the sentence a PDF viewer marks.
 * Sources stored before these existed have none of them and are shown as plain text.
 */
export interface OpenableSource extends MessageSource {
  kind?: 'web' | 'faq' | 'pdf' | 'document';
  /** Web pages: the page's address with a text fragment of the quoted sentence. */
  url?: string | null;
  /** The sentence of the passage the answer used (its first sentence when none is quoted). */
  quote?: string;
  /** FAQ entries: the whole answer, Markdown as written. */
  answer?: string;
}

/** A passage as retrieval returns it; web pages carry their address. */
type CitablePassage = Passage & { sourceUrl?: string | null };

/** The passage ids an answer cites as `[n]`, in order of first mention. */
export function citedIds(answer: string): number[] {
  const ids = [...answer.matchAll(/\[(\d{1,3})\]/g)].map((m) => Number(m[1]));
  return [...new Set(ids)];
}

/**
 * The sources the widget shows under an answer: the passages it cites, as document + page.
 * An answer that cites nothing but was built from passages lists those it was given, so a
 * customer can still check it; ids that match no passage are ignored. Two passages of the same
 * document and page are one source (the first cited).
 */
export function sourcesFor(answer: string, passages: CitablePassage[]): OpenableSource[] {
  const byId = new Map(passages.map((p) => [p.id, p]));
  const cited = citedIds(answer).flatMap((id) => byId.get(id) ?? []);
  return onePerPage(cited.length ? cited : passages).map((p) => {
    const quote = quotedSentence(answer, p.content);
    return {
      n: p.id,
      chunkId: p.chunkId,
      documentId: p.documentId,
      title: p.title,
      page: p.page,
      heading: p.heading,
      score: p.score,
      kind: sourceKind(p),
      url: p.sourceUrl ? citationLink(p.sourceUrl, quote) : null,
      quote,
      ...(p.kind === 'faq' ? { answer: p.content } : {}),
    };
  });
}

function sourceKind(passage: CitablePassage): NonNullable<OpenableSource['kind']> {
  if (passage.sourceUrl) return 'web';
  if (passage.kind === 'faq' || passage.kind === 'pdf') return passage.kind;
  return 'document';
}

/** The passage's sentence the answer quotes, else its first sentence (for links and marks). */
export function quotedSentence(answer: string, content: string): string {
  const sentences = (content.match(/[^.!?\n]+[.!?]?/g) ?? []).map((s) => s.trim());
  // An answer may put its [n] marker before the sentence's full stop.
  const quoted = sentences.find((s) => s.length > 20 && answer.includes(s.replace(/[.!?]$/, '')));
  return (quoted ?? sentences.find((s) => s.length > 0) ?? '').slice(0, 300);
}

function onePerPage<P extends Passage>(passages: P[]): P[] {
  const seen = new Set<string>();
  return passages.filter((p) => {
    const key = `${p.documentId}\u0000${p.page ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
