/** Why a document could not be ingested; `message` is shown to the tenant in the dashboard. */
export type IngestionErrorCode =
  | 'too_large'
  | 'too_many_pages'
  | 'not_pdf'
  | 'encrypted'
  | 'no_text'
  | 'malformed'
  | 'timeout'
  | 'out_of_memory'
  | 'unsupported'
  | 'invalid_input';

export class IngestionError extends Error {
  constructor(
    readonly code: IngestionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IngestionError';
  }
}

export function isIngestionError(error: unknown): error is IngestionError {
  return error instanceof IngestionError;
}
