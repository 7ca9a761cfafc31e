/** Props a template cannot be rendered with; `message` names every problem, field by field. */
export class EmailPropsError extends Error {
  constructor(
    readonly template: string,
    readonly problems: string[],
  ) {
    super(`The "${template}" email cannot be sent: ${problems.join('; ')}.`);
    this.name = 'EmailPropsError';
  }
}

/**
 * A send the transport could not complete. `permanent` means trying again cannot help (the
 * provider refused the message itself), so the email is marked failed at once.
 */
export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly options: { permanent: boolean; status?: number | null } = { permanent: false },
  ) {
    super(message);
    this.name = 'EmailSendError';
  }

  get permanent(): boolean {
    return this.options.permanent;
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
