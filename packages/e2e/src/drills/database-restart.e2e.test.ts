import { openDatabase, type DatabaseHandle } from '@replyline/db';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startApi, type RunningApi } from '../harness';
import { serverDrillSkipReason } from './env';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres';
import {
  openVisitor,
  sendMessage,
  storedVisitorMessages,
  waitUntil,
  type SendOutcome,
  type Visitor,
} from './visitors';

if (serverDrillSkipReason)
  console.warn(`[drills] SKIPPED the database restart drill: ${serverDrillSkipReason}.`);

const VISITORS = 4;
/** Every limit far above what four visitors send in a few seconds: the drill tests recovery, not limits. */
const ROOMY_LIMITS = {
  RATE_LIMIT_VISITOR_PER_MINUTE: '1000',
  RATE_LIMIT_IP_PER_MINUTE: '1000',
  RATE_LIMIT_STARTS_PER_IP_PER_MINUTE: '1000',
  RATE_LIMIT_REPLIES_PER_IP_PER_MINUTE: '1000',
  RATE_LIMIT_REPLIES_PER_IP_PER_HOUR: '1000',
  MAX_EVENT_STREAMS_PER_VISITOR: '10',
};

interface Health {
  status: string;
  database: { status: string };
  realtime?: { listening: boolean; reconnects: number };
}

// The database restarts under live chats: Postgres is restarted (pg_ctl restart -m fast) while
// visitors are chatting with their event streams open, and later stopped for a moment. The API
// process keeps running throughout: it must answer 503 with a retry hint while the database is
// away, serve the next messages once it is back, re-subscribe its realtime line (a message
// stored after the restart reaches a stream opened before it), and lose or double no message
// it acknowledged.
describe.skipIf(serverDrillSkipReason)('drill: the database restarts under live chats', () => {
  let postgres: PrivatePostgres;
  let api: RunningApi;
  let check: DatabaseHandle;
  let visitors: Visitor[] = [];
  const sent: SendOutcome[] = [];

  const health = async () => {
    const res = await fetch(`${api.origin}/health`, { signal: AbortSignal.timeout(5_000) });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as Health,
    };
  };
  const send = async (visitor: Visitor, text: string) => {
    const outcome = await sendMessage(api.origin, visitor, text);
    sent.push(outcome);
    return outcome;
  };

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    api = await startApi({
      databaseUrl: postgres.url,
      env: { ...ROOMY_LIMITS, RUN_WORKERS: 'false' },
    });
    check = await openDatabase({ kind: 'postgres', url: postgres.url, maxConnections: 1 });
    visitors = await Promise.all(
      Array.from({ length: VISITORS }, (_, i) =>
        openVisitor(api.origin, `v_drill_${Date.now()}_${i}`),
      ),
    );
    // A fresh server migrated and three processes started: minutes on a busy machine.
  }, 300_000);
  afterAll(async () => {
    // The API must outlive the database's restarts; when it did not, its last words say why.
    if (api?.child && (api.child.exitCode !== null || api.child.signalCode !== null))
      console.error(
        `[drills] the API process exited (${api.child.exitCode ?? api.child.signalCode}):\n` +
          api.logs.join('').slice(-8_000),
      );
    // Statements the driver failed after their caller stopped waiting: harmless now (logged,
    // not fatal), but each names a query that had no waiter, worth knowing about.
    const stray = (api?.logs.join('') ?? '')
      .split('\n')
      .filter((line) => line.includes('after its caller stopped waiting'));
    if (stray.length)
      console.warn(
        `[drills] stray database rejections logged by the API: ${stray.length}\n${stray.join('\n').slice(0, 8_000)}`,
      );
    await Promise.all(visitors.map((v) => v.live.close().catch(() => undefined)));
    await check?.close().catch(() => undefined);
    await api?.stop();
    await postgres?.destroy();
  });

  it('recovers without restarting the API: 503s while down, every acknowledged message stored once, live streams fed again', async () => {
    // Whatever failed, the API's own account of the restart is what explains it.
    onTestFailed(() =>
      console.error(`[drills] API log (last 20 kB):\n${api.logs.join('').slice(-20_000)}`),
    );
    const before = await Promise.all(
      visitors.map((v, i) => send(v, `Drill ${i}: how much does a move cost?`)),
    );
    for (const outcome of before)
      expect(outcome, outcome.text).toMatchObject({
        status: 200,
        acknowledged: true,
        answered: true,
      });

    // Restart while every visitor's next message is in flight.
    const restartStarted = performance.now();
    const during = Promise.all(
      visitors.map((v, i) => send(v, `Drill ${i}: do you pack books too?`)),
    );
    await postgres.restart();
    const inFlight = await during;
    if (inFlight.some((outcome) => outcome.status === 0))
      console.error(`[drills] API log around the restart:\n${api.logs.join('').slice(-6_000)}`);
    for (const outcome of inFlight) {
      // Each either went through, or was refused as "try again" (503 before the answer began, or
      // an error event naming the outage once the stream had started); never a 500 or a hang.
      expect([200, 503], JSON.stringify(outcome)).toContain(outcome.status);
      if (!outcome.answered)
        expect(outcome.error?.code, JSON.stringify(outcome)).toBe('database_unavailable');
      if (outcome.status === 503) expect(outcome.retryAfter).toBe('5');
    }

    // Back: health says the database is up and the realtime line subscribed again.
    await waitUntil(
      'the health route reporting the database and the realtime line back',
      async () => {
        const { status, body } = await health();
        const back =
          status === 200 && body.realtime?.listening === true && body.realtime.reconnects >= 1;
        return back || `${status} ${JSON.stringify(body)}`;
      },
      15_000,
    );
    const recoveryMs = Math.round(performance.now() - restartStarted);

    // The next messages succeed, and reach the streams that were open across the restart.
    const after = await Promise.all(
      visitors.map((v, i) => send(v, `Drill ${i}: can you store furniture?`)),
    );
    for (const [i, outcome] of after.entries()) {
      expect(outcome, outcome.text).toMatchObject({
        status: 200,
        acknowledged: true,
        answered: true,
      });
      const echoed = await visitors[i]!.live.next(
        (e) => e.event === 'message' && (e.data as { content: string }).content === outcome.text,
      );
      expect(echoed.data).toMatchObject({ role: 'visitor' });
    }

    // Down for a moment: a clear 503 with a retry hint, at once, for messages and health alike.
    await postgres.stop();
    const refused = await send(visitors[0]!, 'Drill 0: are you there?');
    expect(refused).toMatchObject({
      status: 503,
      retryAfter: '5',
      error: { code: 'database_unavailable' },
    });
    expect(refused.ms).toBeLessThan(5_000);
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.retryAfter).toBe('5');
    expect(down.body.database.status).toBe('down');
    const outageStarted = performance.now();
    await postgres.start();
    await waitUntil(
      'the API serving messages after the outage',
      async () => (await health()).status === 200,
      15_000,
    );
    const outageRecoveryMs = Math.round(performance.now() - outageStarted);
    const last = await send(visitors[0]!, 'Drill 0: thanks, one more question.');
    expect(last).toMatchObject({ status: 200, answered: true });
    // The realtime line came back after an outage of seconds too (postgres.js's own listen does not).
    await visitors[0]!.live.next(
      (e) => e.event === 'message' && (e.data as { content: string }).content === last.text,
    );

    // Compare what is stored with what the visitors sent and were acknowledged for.
    const stored = await storedVisitorMessages(
      check.db,
      visitors.map((v) => v.conversationId),
    );
    const storedTexts = stored.map((row) => row.content);
    const acknowledged = sent.filter((o) => o.acknowledged).map((o) => o.text);
    for (const text of acknowledged)
      expect(
        storedTexts.filter((t) => t === text),
        text,
      ).toHaveLength(1);
    expect(new Set(storedTexts).size, 'a message stored twice').toBe(storedTexts.length);
    for (const text of storedTexts) expect(sent.map((o) => o.text)).toContain(text);
    console.log(
      `[drills] database restart: ${VISITORS} visitors, ${sent.length} messages sent, ${acknowledged.length} acknowledged, ` +
        `${stored.length} stored, ${sent.filter((o) => o.status === 503).length} refused with 503; ` +
        `back ${recoveryMs} ms after the restart began (health ok, realtime re-subscribed), ` +
        `${outageRecoveryMs} ms after a stopped server was started again`,
    );
  });
});
