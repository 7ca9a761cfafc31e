import { openQueue, type PgBoss } from '@replyline/db';
import type { TestDatabase } from '@replyline/db/testing';
import type { EmailLogger } from '../logger';

/** A queue on the test database that polls fast, for tests that wait for the worker. */
export async function openTestQueue(t: TestDatabase): Promise<PgBoss> {
  const boss = await openQueue(t.queueTarget, {
    supervise: false,
    schedule: false,
    pollingIntervalSeconds: 0.5,
  });
  boss.on('error', () => undefined);
  return boss;
}

/** Retries without waiting, so a test of three attempts takes a second or two. */
export const FAST_RETRY = { retryLimit: 2, retryDelay: 0, retryBackoff: false };

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

export function memoryLogger(): EmailLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (fields: object, message: string) =>
    lines.push({ level, fields: fields as Record<string, unknown>, message });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
