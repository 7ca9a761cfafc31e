// `pnpm bench`: the analytics page's queries (and the inbox's) on a workspace with 100k
// conversations (about 400k messages), against the same queries on 1k conversations in the
// same process as the baseline. p50/p95 per query are printed, not asserted.
import { randomUUID } from 'node:crypto';
import { createTenant, openDatabase, readDbEnv, type Database, type TenantId } from '@replyline/db';
import { openTestDatabase } from '@replyline/db/testing';
import { sql } from 'drizzle-orm';
import { getAnalyticsSummary } from '@replyline/core/analytics';
import { ZListPeriod } from '@replyline/core/analytics';
import { listTopQuestions, listUnansweredQuestions } from '@replyline/core/analytics';
import { listConversationChanges } from '@replyline/core/inbox';
import { listConversations } from '@replyline/core/inbox';
import { seedAnalyticsData } from './seed-analytics';

const LARGE = Number(process.argv[2] ?? 100_000);
const SMALL = 1_000;
const RUNS = Number(process.argv[3] ?? 20);

const DAY_MS = 86_400_000;
const now = Date.now();
const last = (days: number) =>
  ZListPeriod.parse({ from: new Date(now - days * DAY_MS), to: new Date(now + 60_000) });

const QUERIES: [string, (db: Database, tenantId: TenantId) => Promise<unknown>][] = [
  ['analytics.summary, 30 days', (db, id) => getAnalyticsSummary(db, id, last(30))],
  ['analytics.summary, 90 days (all)', (db, id) => getAnalyticsSummary(db, id, last(90))],
  ['analytics.topQuestions, 30 days', (db, id) => listTopQuestions(db, id, last(30))],
  ['analytics.unanswered, 30 days', (db, id) => listUnansweredQuestions(db, id, last(30))],
  ['inbox.list, first page', (db, id) => listConversations(db, id, {})],
  [
    'inbox.list, escalated + rating<=2',
    (db, id) => listConversations(db, id, { escalated: true, rating: { max: 2 } }),
  ],
  [
    'inbox.changesSince, 1 minute',
    (db, id) => listConversationChanges(db, id, new Date(Date.now() - 60_000)),
  ],
];

const t = await openTestDatabase();
const tenant = async (name: string) =>
  (await createTenant(t.db, { name, slug: `bench-${name}-${randomUUID().slice(0, 8)}` })).tenantId;
const small = await tenant('small');
const large = await tenant('large');
const loading = performance.now();
await seedAnalyticsData(t.db, small, SMALL);
await seedAnalyticsData(t.db, large, LARGE);
await analyze();
console.log(
  `Analytics: ${LARGE.toLocaleString('en-US')} conversations in one workspace on ${t.kind} (seeded in ${((performance.now() - loading) / 1000).toFixed(0)} s), ${RUNS} runs per query; baseline ${SMALL.toLocaleString('en-US')} conversations`,
);
for (const [label, query] of QUERIES) {
  const base = await measure(() => query(t.db, small));
  const big = await measure(() => query(t.db, large));
  console.log(
    `  ${label.padEnd(36)} p50 ${fmt(big.p50)} p95 ${fmt(big.p95)}   baseline p50 ${fmt(base.p50)} p95 ${fmt(base.p95)}`,
  );
}
await t.close();

/**
 * Fresh planner statistics, as autovacuum would have them after a while: on PGlite the
 * connection may; on a server only the tables' owner may, so it is asked when configured.
 */
async function analyze() {
  const ownerUrl = readDbEnv().DATABASE_OWNER_URL;
  if (t.kind === 'pglite') return t.db.execute(sql`analyze`);
  if (!ownerUrl)
    return console.log('  (no DATABASE_OWNER_URL: planner statistics left to autovacuum)');
  const owner = await openDatabase({ kind: 'postgres', url: ownerUrl, maxConnections: 1 });
  await owner.db.execute(sql`analyze conversations, messages, events, faq_entries`);
  await owner.close();
}

async function measure(run: () => Promise<unknown>) {
  await run(); // warm: plan cache, buffers
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  const sorted = ms.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
}

function fmt(ms: number) {
  return `${ms.toFixed(1)} ms`.padStart(10);
}
