import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { COMMON_ENGLISH_STOPWORDS } from './stopwords';

const { chunks, documents } = schema;

/**
 * A deterministic knowledge-base-like corpus: a 20,000-word vocabulary drawn with a Zipf
 * distribution (a few words everywhere, most words rare), as in real text, so OR-joined queries
 * match realistic numbers of passages. Its most frequent ranks are real stop words, which search
 * drops as it does in real English text; the content words below them are made up.
 */
export function createTextGenerator(seed = 42) {
  // mulberry32: a small seeded generator, exact in 32-bit integer arithmetic.
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ren',
    'sto',
    'va',
    'pel',
    'dor',
    'fin',
    'gru',
    'hal',
    'jes',
    'nor',
    'qui',
    'tam',
    'urb',
    'wex',
    'zol',
  ];
  const vocabulary = Array.from({ length: 20_000 }, (_, i) => {
    if (i < COMMON_ENGLISH_STOPWORDS.length) return COMMON_ENGLISH_STOPWORDS[i]!;
    let word = '';
    for (let n = i + 1; n > 0; n = Math.floor(n / syllables.length))
      word += syllables[n % syllables.length];
    return `${word}${syllables[i % 7]}`;
  });
  // Inverse-CDF sampling of Zipf(s = 1.07) over the vocabulary.
  const weights = vocabulary.map((_, rank) => 1 / Math.pow(rank + 1, 1.07));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w / total), 0);
  const word = () => {
    const target = random();
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return vocabulary[low]!;
  };
  const words = (count: number) => Array.from({ length: count }, word).join(' ');
  return { words, random };
}

/** Inserts `count` chunks of ~180 words into one tenant, in documents of 100 chunks. */
export async function insertSyntheticChunks(
  db: Database,
  tenantId: TenantId,
  count: number,
  seed: number,
) {
  const text = createTextGenerator(seed);
  for (let start = 0; start < count; start += 1_000) {
    await withTenant(db, tenantId, async (tx) => {
      const size = Math.min(1_000, count - start);
      const docs = await tx
        .insert(documents)
        .values(
          Array.from({ length: Math.ceil(size / 100) }, (_, i) => ({
            tenantId,
            kind: 'text' as const,
            title: `Doc ${start + i}`,
            contentHash: `${seed}-${start}-${i}`,
            status: 'ready' as const,
          })),
        )
        .returning({ id: documents.id });
      await tx.insert(chunks).values(
        Array.from({ length: size }, (_, i) => ({
          tenantId,
          documentId: docs[Math.floor(i / 100)]!.id,
          ordinal: i % 100,
          content: text.words(150 + Math.floor(text.random() * 60)),
          language: 'english',
        })),
      );
    });
  }
}
