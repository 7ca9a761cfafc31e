import postgres from 'postgres';

type Pool = postgres.Sql;
type Reserved = postgres.ReservedSql;
type PendingQuery = ReturnType<Reserved['unsafe']>;

/** What Drizzle's postgres-js session uses of a transaction's client. */
export interface TransactionClient {
  unsafe: Reserved['unsafe'];
  savepoint<T>(work: (client: TransactionClient) => T | Promise<T>): Promise<T>;
}

/**
 * The pool with a `begin` that does not wait for `BEGIN`'s answer. postgres-js's own `begin`
 * sends `BEGIN` and waits for it before the transaction's first statement: one round trip (and
 * one socket write, one wake-up of the server) per transaction that carries nothing. Here
 * `BEGIN` is sent on a reserved connection and the statements behind it go out in the same
 * write; the server runs them in the order sent, so they are inside the transaction. Everything
 * else of the pool is the pool's own. `begin` with options (isolation level) is postgres-js's.
 */
export function withPipelinedBegin(pool: Pool): Pool {
  const begin = (...args: unknown[]) =>
    args.length === 1 && typeof args[0] === 'function'
      ? pipelinedTransaction(pool, args[0] as (client: TransactionClient) => unknown)
      : (pool.begin as unknown as (...a: unknown[]) => unknown)(...args);
  return new Proxy(pool, {
    get: (target, property, receiver) =>
      property === 'begin' ? begin : (Reflect.get(target, property, receiver) as unknown),
  });
}

async function pipelinedTransaction<T>(
  pool: Pool,
  work: (client: TransactionClient) => T | Promise<T>,
): Promise<T> {
  const connection = new ReservedConnection(await pool.reserve());
  try {
    return await connection.scope(work, null);
  } finally {
    connection.release();
  }
}

/**
 * One reserved connection running one transaction (and its savepoints). Follows postgres-js's
 * `begin`: a statement that failed fails the transaction even when the caller caught it (the
 * server has aborted it anyway), the transaction rolls back when `work` throws, and a lost
 * connection fails it at once instead of leaving `work` waiting for answers that never come.
 */
class ReservedConnection {
  /** Set when the connection itself failed (closed, reset): nothing more is sent on it. */
  private lost: Error | null = null;
  /** Set once the transaction ended with COMMIT or ROLLBACK: the connection is idle again. */
  private ended = false;
  private savepoints = 0;
  private readonly lostSignal: Promise<never>;
  private signalLost!: (error: Error) => void;

  constructor(private readonly reserved: Reserved) {
    this.lostSignal = new Promise<never>((_, reject) => (this.signalLost = reject));
    void this.lostSignal.catch(() => {}); // only raced against `work`
  }

  /**
   * Back to the pool only when the transaction ended: a connection left inside a transaction
   * (its ROLLBACK failed) must not carry this transaction's tenant scope to the next user. A
   * lost connection is the pool's already (it reconnects it).
   */
  release() {
    if (this.ended && !this.lost) this.reserved.release();
  }

  /** Runs `work` in the transaction (`savepoint` null) or in a savepoint of it. */
  async scope<T>(
    work: (client: TransactionClient) => T | Promise<T>,
    savepoint: string | null,
  ): Promise<T> {
    let failure: unknown = null;
    const client = this.clientNoting((error) => (failure ??= error));
    const opening = client.unsafe(savepoint ? `savepoint ${savepoint}` : 'begin');
    let result: T;
    try {
      // `work` runs at once: its first statements join the write that carries BEGIN.
      result = await Promise.race([(async () => work(client))(), this.lostSignal]);
      await opening.catch(() => {}); // noted in `failure`
      if (failure) throw failure;
    } catch (error) {
      await this.rollback(savepoint);
      // "current transaction is aborted" says less than the statement that aborted it.
      throw isAbortedTransaction(error) && failure ? failure : error;
    }
    if (!savepoint) {
      try {
        await this.send('commit');
      } finally {
        // A COMMIT the server refused (a deferred constraint) ended the transaction too.
        this.ended = true;
      }
    }
    return result;
  }

  /** A client whose statements report their failures to `noteFailure` (and a lost connection here). */
  private clientNoting(noteFailure: (error: unknown) => void): TransactionClient {
    return {
      unsafe: ((text: string, parameters?: unknown[], options?: object) => {
        if (this.lost) return failedQuery(this.lost);
        const query = this.reserved.unsafe(
          text,
          parameters as never,
          options as postgres.UnsafeQueryOptions,
        );
        void query.catch((error: unknown) => {
          noteFailure(error);
          this.noteConnectionError(error);
        });
        return query;
      }) as unknown as Reserved['unsafe'],
      savepoint: (work) => this.scope(work, `s${this.savepoints++}`),
    };
  }

  /** A ROLLBACK that fails keeps the connection out of the pool (see `release`); `work`'s error is reported. */
  private async rollback(savepoint: string | null) {
    try {
      await this.send(savepoint ? `rollback to ${savepoint}` : 'rollback');
      if (!savepoint) this.ended = true;
    } catch {
      // reported by the caller's error
    }
  }

  /** Sends a transaction-control statement; a lost connection fails it without sending. */
  private async send(text: string) {
    if (this.lost) throw this.lost;
    try {
      await this.reserved.unsafe(text);
    } catch (error) {
      this.noteConnectionError(error);
      throw error;
    }
  }

  private noteConnectionError(error: unknown) {
    if (this.lost || !isConnectionError(error)) return;
    this.lost = error;
    this.signalLost(error);
  }
}

/**
 * The connection is gone (postgres-js's CONNECTION_CLOSED / _DESTROYED / _ENDED,
 * CONNECT_TIMEOUT, a socket error such as ECONNRESET, or the server ending the session with a
 * FATAL error), as opposed to a statement the server refused.
 */
function isConnectionError(error: unknown): error is Error {
  if (error instanceof postgres.PostgresError)
    return error.severity === 'FATAL' || error.severity === 'PANIC';
  if (!(error instanceof Error)) return false;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  return (typeof code === 'string' && code.startsWith('CONNECT')) || typeof syscall === 'string';
}

function isAbortedTransaction(error: unknown) {
  return error instanceof postgres.PostgresError && error.code === '25P02';
}

/** A statement not sent because the connection is gone, shaped like a pending query. */
function failedQuery(error: Error): PendingQuery {
  const failed = Promise.reject(error) as unknown as PendingQuery;
  const self = () => failed;
  return Object.assign(failed, { values: self, raw: self, execute: self, simple: self });
}
