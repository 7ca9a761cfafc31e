import { TRPCClientError } from '@trpc/client';

export interface FormErrors {
  /** Input paths ('branding.primaryColor', 'allowedOrigins.2') with the first problem of each. */
  fields: Record<string, string>;
  /** The sentence above the form: the server's own words, or a pointer to the fields. */
  message: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, message: null };
const SEE_FIELDS = 'Some fields need a change; see the notes below them.';

interface Issue {
  path: (string | number)[];
  message: string;
}

/**
 * What a failed mutation says, per field where it can. Input that fails the procedure's zod
 * schema comes back with the issues (each with its path) as the message, and with
 * `data.fields` (top-level keys only); anything else is a sentence meant for people.
 */
export function formErrors(error: unknown): FormErrors {
  if (!error) return NO_ERRORS;
  const message = error instanceof Error ? error.message : String(error);
  const issues = zodIssues(message);
  if (issues.length > 0) {
    const fields: Record<string, string> = {};
    for (const issue of issues) fields[issue.path.join('.')] ??= issue.message;
    return { fields, message: SEE_FIELDS };
  }
  const flat = topLevelFields(error);
  if (Object.keys(flat).length > 0) return { fields: flat, message: SEE_FIELDS };
  return { fields: {}, message: message || 'Something went wrong. Please try again.' };
}

/** The first problem at `path` or inside it ('allowedOrigins' also finds 'allowedOrigins.3'). */
export function errorAt(errors: FormErrors, path: string): string | undefined {
  if (errors.fields[path]) return errors.fields[path];
  const nested = Object.keys(errors.fields).find((key) => key.startsWith(`${path}.`));
  return nested ? errors.fields[nested] : undefined;
}

function zodIssues(message: string): Issue[] {
  if (!message.trimStart().startsWith('[')) return [];
  try {
    const parsed: unknown = JSON.parse(message);
    return Array.isArray(parsed) ? parsed.filter(isIssue) : [];
  } catch {
    return [];
  }
}

function isIssue(value: unknown): value is Issue {
  const issue = value as Partial<Issue> | null;
  return Boolean(issue && Array.isArray(issue.path) && typeof issue.message === 'string');
}

function topLevelFields(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const fields = (
    error.data as { fields?: Record<string, string[] | undefined> | null } | undefined
  )?.fields;
  const out: Record<string, string> = {};
  for (const [key, messages] of Object.entries(fields ?? {}))
    if (messages?.[0]) out[key] = messages[0];
  return out;
}
