import { pino, type DestinationStream, type Logger } from 'pino';

/** Structured JSON logs, one line per event; requests carry their request id as `reqId`. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.identitySecret', '*.password'],
    },
    destination,
  );
}

export type { Logger };
