import type { ActionHttpCall } from '@replyline/db/schema';
import type { ActionCard } from '../integrations/index';
import { clip } from './cards';

/**
 * The fields the owner chose to show, picked from an endpoint's JSON answer: only those reach
 * the visitor or the model, so an endpoint that answers with more (another customer, internal
 * notes) shows no more than its owner allowed.
 */
export function resultCard(title: string, call: ActionHttpCall, answer: unknown): ActionCard {
  const fields = call.responseFields
    .map(({ path, label }) => ({ label, value: valueAt(answer, path) }))
    .filter((field): field is { label: string; value: string } => field.value !== undefined);
  return { type: 'result', title, fields };
}

function valueAt(answer: unknown, path: string): string | undefined {
  let here: unknown = answer;
  for (const key of path.split('.')) {
    if (here === null || typeof here !== 'object') return undefined;
    here = Object.hasOwn(here, key) ? (here as Record<string, unknown>)[key] : undefined;
  }
  if (here === undefined || here === null) return undefined;
  if (Array.isArray(here))
    return clip(
      here
        .map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item)))
        .join(', '),
    );
  return clip(typeof here === 'object' ? JSON.stringify(here) : String(here));
}
