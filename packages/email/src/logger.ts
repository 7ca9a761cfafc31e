/** The slice of a pino logger that email sending uses (pino's `Logger` fits it). */
export interface EmailLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLogger: EmailLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
