import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';

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
    bossOptions(target, { migrate: false, pollingIntervalSeconds: 1, ...options }),
  );
  await boss.start();
  return boss;
}

export type { PgBoss };
