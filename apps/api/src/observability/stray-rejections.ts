import { isDatabaseUnavailable } from '@replyline/db';
import type { Logger } from '../logger';

/**
 * What the process does with a promise rejection nobody handled. The Postgres driver fails
 * every statement still queued on a connection the server dropped; when one of them has no
 * waiter left (its request already answered 503), Node's default would end the whole API
 * process in the middle of a database restart, taking every other visitor's chat with it. Such
 * a rejection is logged and the process keeps serving: requests get 503 until the database is
 * back. Any other unhandled rejection is a bug, and the process ends as Node's default would,
 * so a supervisor restarts it from a known state.
 */
export function handleStrayRejection(
  reason: unknown,
  log: Pick<Logger, 'warn' | 'fatal'>,
  exit: (code: number) => void,
): void {
  if (isDatabaseUnavailable(reason)) {
    log.warn({ err: reason }, 'a database statement failed after its caller stopped waiting');
    return;
  }
  log.fatal({ err: reason }, 'unhandled promise rejection: exiting');
  exit(1);
}
