import {
  cleanInput,
  createExtractiveModel,
  detectLanguage,
  EXTRACTIVE_MODEL_NAME,
  type Passage,
} from '@replyline/ai';
import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { citationLink, searchKnowledge, type Embedder } from '@replyline/rag';
import { DomainError } from '../domain-error';
import { eq } from 'drizzle-orm';

/** As many passages as the chat engine hands a model. */
const PASSAGES = 5;

export interface PlaygroundPassage {
  /** The `[n]` the answer cites it by. */
  n: number;
  documentId: string;
  documentTitle: string;
  documentKind: Passage['kind'];
  page: number | null;
  heading: string | null;
  content: string;
  /** The fused retrieval score the passages are ordered by. */
  score: number;
  lexicalScore: number | null;
  vectorScore: number | null;
  /** The answer quotes this passage. */
  cited: boolean;
  /** Web pages: the page's address with a text fragment to the quoted sentence. */
  link: string | null;
}

/**
 * "Test the bot": what the knowledge base returns for a question, with every passage's
 * scores, and the answer the extractive answerer builds from them. Nothing is stored: no
 * conversation, no usage, no analytics. A language model, when configured, words the live
 * answers differently but from the same passages.
 */
export async function testTheBot(
  deps: { db: Database; embedder?: Embedder | null },
  tenantId: TenantId,
  rawQuestion: string,
) {
  const question = cleanInput(rawQuestion);
  if (!question) throw new DomainError('bad_input', 'Type a question to test.');
  const tenantLanguage = await languageOf(deps.db, tenantId);
  const hits = await searchKnowledge(deps.db, tenantId, question, {
    limit: PASSAGES,
    language: tenantLanguage,
    embedder: deps.embedder,
  });
  const passages: Passage[] = hits.map((hit, index) => ({
    id: index + 1,
    chunkId: hit.chunkId,
    documentId: hit.documentId,
    title: hit.documentTitle,
    kind: hit.documentKind,
    page: hit.page,
    heading: hit.heading,
    content: hit.content,
    score: hit.score,
  }));
  const language = detectLanguage(question, tenantLanguage);
  const answer = await extractiveAnswer({
    question,
    passages,
    language,
    // Too short to detect, so this is the tenant's own language: what its knowledge is written in.
    knowledgeLanguage: detectLanguage('', tenantLanguage),
  });
  const cited = new Set([...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  return {
    question,
    language,
    model: EXTRACTIVE_MODEL_NAME,
    answer,
    passages: hits.map((hit, index): PlaygroundPassage => ({
      n: index + 1,
      documentId: hit.documentId,
      documentTitle: hit.documentTitle,
      documentKind: hit.documentKind,
      page: hit.page,
      heading: hit.heading,
      content: hit.content,
      score: hit.score,
      lexicalScore: hit.lexicalScore,
      vectorScore: hit.vectorScore,
      cited: cited.has(index + 1),
      link: hit.sourceUrl ? citationLink(hit.sourceUrl, quotedSentence(answer, hit.content)) : null,
    })),
  };
}

/** The passage's first sentence that the answer quotes, or the passage itself. */
function quotedSentence(answer: string, content: string): string {
  const sentences = content.match(/[^.!?\n]+[.!?]?/g) ?? [];
  return sentences.map((s) => s.trim()).find((s) => s.length > 20 && answer.includes(s)) ?? content;
}

async function languageOf(db: Database, tenantId: TenantId): Promise<string> {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ language: schema.tenants.language })
      .from(schema.tenants)
      .where(eq(schema.tenants.id, tenantId)),
  );
  return row?.language ?? 'english';
}

async function extractiveAnswer(input: {
  question: string;
  passages: Passage[];
  language: string;
  knowledgeLanguage: string;
}): Promise<string> {
  let text = '';
  const request = { ...input, messages: [], maxOutputTokens: 1_000 };
  for await (const delta of createExtractiveModel().stream(request))
    if (delta.type === 'text') text += delta.text;
  return text.trim();
}
