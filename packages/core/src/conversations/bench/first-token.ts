// `pnpm bench` (chat part): server time before the first answer token — loading the
// conversation, storing the customer's message, retrieval, relevance and prompt building —
// with 100k passages in the tenant. Printed against the budget, with the retrieval-only time
// of the same questions as the in-process baseline. Figures are printed, not asserted.
// On a Postgres server the passages are bulk-loaded into the bench database (the retrieval
// bench's loader, see packages/rag/src/bench), emptied afterwards unless BENCH_KEEP is set;
// on PGlite, or on a server without that database, they are inserted row by row as before.
// The number of passages can be given as the first argument.
import { randomUUID } from 'node:crypto';
import { createTenant, readDbEnv, type Database, type TenantId } from '@replyline/db';
import { openTestDatabase } from '@replyline/db/testing';
import { searchKnowledge } from '@replyline/rag';
import {
  createTextGenerator,
  emptyBenchDatabase,
  insertSyntheticChunks,
  openBenchDatabase,
  prepareBenchDataset,
  readBenchEnv,
  SEARCH_TABLES,
  type BenchDatabase,
} from '@replyline/rag/bench';
import { createExtractiveModel, type ChatDelta, type ChatModel } from '@replyline/ai';
import { startConversation } from '../conversation-store';
import { answerMessage } from '../visitor-turn';

const CHUNKS = Number(process.argv[2] ?? 100_000);
/** The synthetic corpus's seed: the same passages on every path. */
const SEED = 11;
const QUESTIONS = 100;
const BUDGET_P95_MS = 50;

/** A language model that answers at once, so the figure is our own server time. */
const instantModel: ChatModel = {
  name: 'instant',
  kind: 'language-model',
  async *stream(): AsyncIterable<ChatDelta> {
    yield { type: 'text', text: 'Yes [1].' };
    yield { type: 'usage', usage: { inputTokens: 10, outputTokens: 2, model: 'instant' } };
  },
};

/** The tenant the chats run in, with its passages, on the app's connection. */
interface ChatDataset {
  db: Database;
  tenantId: TenantId;
  /** Where it lives and how it was loaded, for the heading. */
  where: string;
  close(): Promise<void>;
}

console.log(`Chat: time to first token, ${CHUNKS.toLocaleString('en-US')} passages in the tenant`);
const dataset = await openDataset();
try {
  console.log(`  on ${dataset.where}`);
  await measure(dataset);
} finally {
  await dataset.close();
}

/**
 * The bench database on a Postgres server that has one, bulk-loaded; otherwise the test
 * database (PGlite, or the server's app database) with the passages inserted row by row.
 */
async function openDataset(): Promise<ChatDataset> {
  const env = readDbEnv();
  if (env.DATABASE_URL) {
    const bench = await openBenchDatabase(env);
    if (!('missing' in bench)) return openBenchDataset(bench);
    console.log(
      `(the server has no database "${bench.missing}" for a bulk load: the passages are inserted row by row\n` +
        ' into the test database; see docs/performance.md)',
    );
  }
  return openTestDataset();
}

async function openBenchDataset(bench: BenchDatabase): Promise<ChatDataset> {
  const { keepDataset } = readBenchEnv();
  const close = async () => {
    if (keepDataset) console.log('  dataset kept for the next run (BENCH_KEEP)');
    else {
      await emptyBenchDatabase(bench.owner);
      console.log('  dataset removed (set BENCH_KEEP=1 to keep it for the next run)');
    }
    await bench.close();
  };
  const slug = `bench-chat-${CHUNKS}`;
  const started = performance.now();
  try {
    const tenants = await prepareBenchDataset(
      bench,
      [{ slug, count: CHUNKS, seed: SEED }],
      (line) => console.log(line),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      db: bench.db,
      tenantId: tenants.get(slug)!,
      where: `postgres, database "${bench.name}" (ready in ${seconds.toFixed(0)} s)`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function openTestDataset(): Promise<ChatDataset> {
  const t = await openTestDatabase();
  const { tenantId } = await createTenant(t.db, {
    name: 'bench',
    slug: `bench-chat-${randomUUID().slice(0, 8)}`,
    language: 'english',
  });
  const loading = performance.now();
  await insertSyntheticChunks(t.db, tenantId, CHUNKS, SEED);
  // As autovacuum would soon after: the search's index-only scans need it (the bulk path does it too).
  await t.vacuumAnalyze(SEARCH_TABLES);
  const seconds = (performance.now() - loading) / 1000;
  return {
    db: t.db,
    tenantId,
    where: `${t.kind} (loaded in ${seconds.toFixed(0)} s)`,
    close: () => t.close(),
  };
}

async function measure({ db, tenantId }: ChatDataset) {
  const text = createTextGenerator(5);
  const questions = Array.from({ length: QUESTIONS }, () => `${text.words(7)}?`);
  const firstToken = new Map<string, { p50: string; p95: string }>();
  for (const [label, model] of [
    ['extractive answerer (default)', createExtractiveModel()],
    ['language model, zero latency', instantModel],
  ] as const) {
    const times: number[] = [];
    for (const question of questions) {
      const { conversationId } = await startConversation(db, tenantId, { visitorId: randomUUID() });
      const started = performance.now();
      for await (const event of answerMessage({
        db,
        tenantId,
        conversationId,
        text: question,
        model,
      })) {
        if (event.type === 'token' || event.type === 'error') {
          times.push(performance.now() - started);
          break;
        }
      }
    }
    firstToken.set(label, report(label, times));
  }
  const retrieval: number[] = [];
  for (const question of questions) {
    const started = performance.now();
    await searchKnowledge(db, tenantId, question, { language: 'english' });
    retrieval.push(performance.now() - started);
  }
  const alone = report('baseline: retrieval alone', retrieval);
  // The budget's figure (the line `pnpm bench` gathers): a language model's path, its own latency left out.
  const ours = firstToken.get('language model, zero latency')!;
  console.log(
    `[budget] server time before the first token, ${CHUNKS.toLocaleString('en-US')} passages: p50 ${ours.p50} ms, p95 ${ours.p95} ms (budget p95 <= ${BUDGET_P95_MS} ms) ${Number(ours.p95) <= BUDGET_P95_MS ? 'ok' : 'NOT MET'}; baseline retrieval alone p50 ${alone.p50} ms, p95 ${alone.p95} ms`,
  );
}

function report(label: string, ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!.toFixed(1);
  console.log(
    `  ${label.padEnd(32)} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  (budget p95 <= ${BUDGET_P95_MS} ms, ${ms.length} questions)`,
  );
  return { p50: at(0.5), p95: at(0.95) };
}
