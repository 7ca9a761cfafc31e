import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import { readDbEnv } from './env';

/** Every background queue of the product, created at migration time by the owner. */
export const QUEUES = {
  ingestDocument: 'ingest-document',
  sendEmail: 'send-email',
  reportUsage: 'report-usage',
  retention: 'retention',
  outgoingWebhook: 'outgoing-webhook',
  crawlWebsite: 'crawl-website',
  bookingReminder: 'booking-reminder',
  alertDelivery: 'alert-delivery',
  answerLeftovers: 'answer-leftovers',
  pushDelivery: 'push-delivery',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const QUEUE_DEFAULTS = {
  retryLimit: 3,
  retryDelay: 5,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
};

export type QueueTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; client: PGlite };

/**
 * pg-boss over the embedded database: PGlite runs one statement per `query` with parameters,
 * and pg-boss sends some multi-statement scripts without parameters, which `exec` runs.
 */
function pgliteAdapter(client: PGlite): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      if (values?.length) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

function bossOptions(
  target: QueueTarget,
  options: PgBoss.ConstructorOptions,
): PgBoss.ConstructorOptions {
  const connection =
    target.kind === 'postgres'
      ? { connectionString: target.url, max: 4 }
      : { db: pgliteAdapter(target.client) };
  return { ...connection, ...QUEUE_DEFAULTS, ...options };
}

/** Creates pg-boss's schema and our queues; run as the table owner (part of migrating). */
export async function installQueues(target: QueueTarget): Promise<void> {
  const boss = new PgBoss(
    bossOptions(target, { migrate: true, supervise: false, schedule: false }),
  );
  boss.on('error', () => undefined);
  await boss.start();
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const name of Object.values(QUEUES)) {
    if (!existing.has(name)) await boss.createQueue(name, { name, ...QUEUE_DEFAULTS });
  }
  await boss.stop({ graceful: false, wait: true });
}

/**
 * The job queue for app processes: never changes the schema (the app role may not), polls
 * often enough that an upload starts processing within a second or two.
 */
export async function openQueue(
  target: QueueTarget,
  options: PgBoss.ConstructorOptions = {},
): Promise<PgBoss> {
  const boss = new PgBoss(
    bossOptions(target, {
      migrate: false,
      pollingIntervalSeconds: 1,
      maintenanceIntervalSeconds: readDbEnv().QUEUE_MAINTENANCE_INTERVAL_SECONDS,
      ...options,
    }),
  );
  await boss.start();
  return boss;
}

/** A running job's lease, renewed until `release` (see `holdJobLease`). */
export interface JobLease {
  release(): void;
}

/**
 * Keeps a long job leased to this process while it works: it is made to expire `seconds` from
 * now at once, and renewed every third of that. A worker that is killed stops renewing, so the
 * queue's maintenance retries the job within about `seconds` (plus its interval) instead of
 * after the queue's 15-minute expiry; a slow but living worker never loses its job.
 * pg-boss expires a job at `started_on + expire_in`, and also ends a handler in-process after
 * `expire_in`, which it reads again on every retry: so the lease moves `started_on` and leaves
 * `expire_in` (the longest a living handler may take) as the queue set it.
 */
export function holdJobLease(
  boss: PgBoss,
  queue: QueueName,
  jobId: string,
  seconds: number,
): JobLease {
  const renew = () =>
    boss
      .getDb()
      .executeSql(
        `update pgboss.job set started_on = now() + make_interval(secs => $3) - expire_in
          where name = $1 and id = $2 and state = 'active'`,
        [queue, jobId, seconds],
      )
      .catch(() => undefined); // The next renewal tries again; the lease has room for a miss.
  void renew();
  const timer = setInterval(renew, (seconds * 1000) / 3);
  timer.unref();
  return { release: () => clearInterval(timer) };
}

export type { PgBoss };
