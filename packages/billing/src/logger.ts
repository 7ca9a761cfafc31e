/** The part of a pino logger billing uses; pass the app's logger, or nothing for silence. */
export interface BillingLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: BillingLogger = { info: () => {}, warn: () => {}, error: () => {} };
