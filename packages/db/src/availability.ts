/**
 * Whether an error means the database could not be reached or dropped the connection (a
 * restart, a failover, a full connection table), as opposed to a bug or a refused statement.
 * Callers answer these with "try again shortly" instead of an internal error: nothing was
 * wrong with the request, and the same request succeeds once the database is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causesOf(error).some((cause) => {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    // SQLSTATE class 08: connection exception (any of its codes).
    if (typeof code === 'string' && /^08[0-9A-Z]{3}$/.test(code)) return true;
    // node-postgres (the job queue's driver) says so only in words.
    const message = cause instanceof Error ? cause.message : '';
    return /Connection terminated|connection timeout|Connection ended unexpectedly/i.test(message);
  });
}

const UNAVAILABLE_CODES = new Set([
  // Sockets (Node), also inside postgres.js errors.
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // postgres.js: the connection closed, ended or could not be opened in time.
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  // Postgres: shut down by the administrator, crashed, starting up or shutting down.
  '57P01',
  '57P02',
  '57P03',
  // Postgres: too many connections.
  '53300',
]);

/** The error, what it wraps (`cause`, ORMs do), and the parts of an AggregateError (dual-stack connects). */
function causesOf(error: unknown): unknown[] {
  const found: unknown[] = [];
  const visit = (current: unknown, depth: number) => {
    if (!current || typeof current !== 'object' || depth > 5 || found.includes(current)) return;
    found.push(current);
    visit((current as { cause?: unknown }).cause, depth + 1);
    const parts = (current as { errors?: unknown }).errors;
    if (Array.isArray(parts)) for (const part of parts) visit(part, depth + 1);
  };
  visit(error, 0);
  return found;
}
