// Turns the action form's fields into what the `actions.create` / `actions.update` procedures
// take. The server checks everything again; this only reads the text formats of the form.
import type { TActionInput } from '@replyline/core/actions';

/** What the dashboard is shown of an action (the list procedure's rows; never a secret). */
export interface ActionSummary {
  id: string;
  name: string;
  description: string;
  kind: string;
  parameters: {
    type?: 'object';
    properties?: Record<string, { type: string; description?: string; enum?: string[] }>;
    required?: string[];
  };
  http: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    urlTemplate: string;
    timeoutMs: number;
    responseFields: { path: string; label: string }[];
    headerNames: string[];
  } | null;
  settings: Record<string, unknown>;
  requiresIdentity: boolean;
  sideEffects: boolean;
  enabled: boolean;
}

/** A kind the owner can pick (the kinds procedure's rows). */
export interface ActionKind {
  kind: string;
  description: string;
  requiresIdentity: boolean;
  sideEffects: boolean;
  secretSettings: string[];
}

export const HTTP_KIND = 'http';

/** A field the form could not read, named by its input path so the note sits under it. */
export class FormFieldProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** `Name: value` per line; a line without a colon is a mistake worth saying, not skipping. */
export function headersOf(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const colon = line.indexOf(':');
    if (colon < 1)
      throw new FormFieldProblem('http.headers', `Write each header as “Name: value” (“${line}”).`);
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** `path = Label` per line, e.g. `order.status = Status`. */
export function responseFieldsOf(text: string): { path: string; label: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [path, ...label] = line.split('=');
      if (!label.length || !path?.trim())
        throw new FormFieldProblem(
          'http.responseFields',
          `Write each field as “path = Label” (“${line}”).`,
        );
      return { path: path.trim(), label: label.join('=').trim() };
    });
}

export function responseFieldsText(fields: { path: string; label: string }[]): string {
  return fields.map((f) => `${f.path} = ${f.label}`).join('\n');
}

function jsonObjectOf(text: string, path: string): Record<string, unknown> | undefined {
  if (!text.trim()) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new FormFieldProblem(path, 'This is not valid JSON.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new FormFieldProblem(path, 'Write a JSON object: { … }.');
  return value as Record<string, unknown>;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

/**
 * The procedure input from the form. Headers and settings left empty on an edit are left out,
 * so the server keeps the saved (write-only) values; "remove saved headers" sends none.
 */
export function actionInputOf(form: FormData, kind: string): TActionInput {
  const base = {
    name: text(form, 'name').trim(),
    description: text(form, 'description').trim(),
    kind,
    requiresIdentity: form.get('requiresIdentity') === 'on',
    sideEffects: form.get('sideEffects') === 'on',
    enabled: form.get('enabled') === 'on',
  };
  if (kind !== HTTP_KIND)
    return { ...base, settings: jsonObjectOf(text(form, 'settings'), 'settings') };
  const headerText = text(form, 'headers');
  const headers = headerText.trim()
    ? headersOf(headerText)
    : form.get('clearHeaders') === 'on'
      ? {}
      : undefined;
  return {
    ...base,
    parameters: jsonObjectOf(text(form, 'parameters'), 'parameters') as TActionInput['parameters'],
    http: {
      method: text(form, 'method') as NonNullable<TActionInput['http']>['method'],
      urlTemplate: text(form, 'urlTemplate').trim(),
      timeoutMs: Number(text(form, 'timeoutMs') || 5000),
      responseFields: responseFieldsOf(text(form, 'responseFields')),
      ...(headers ? { headers } : {}),
    },
  };
}
