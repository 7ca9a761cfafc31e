import type { ActionVisitor } from '../integrations/index';
import type { ActionParams } from './action-parameters';
import type { FormCard } from './cards';
import type { LoadedAction } from './run-action';

/** A small form from an action's parameters, for the visitor to fill in (a quote, a request). */
export function formCardOf(action: LoadedAction): FormCard {
  const properties = action.parameters.properties ?? {};
  const required = new Set(action.parameters.required ?? []);
  return {
    type: 'form',
    actionName: action.name,
    title: action.description,
    fields: Object.entries(properties).map(([name, property]) => ({
      name,
      label: property.description ?? labelOf(name),
      type: property.enum
        ? 'select'
        : property.type === 'boolean'
          ? 'checkbox'
          : property.type === 'string'
            ? 'text'
            : 'number',
      required: required.has(name),
      ...(property.enum ? { options: property.enum } : {}),
    })),
  };
}

/** `moveDate` / `move_date` -> "Move date". */
function labelOf(name: string): string {
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A booking for a visitor nobody signed in: the slot picker sends only the time, and the
 * confirmation needs an address. The visitor is asked for it in a small form that carries the
 * picked time along; null when the email is known (signed, or already given).
 */
export function contactFormFor(
  action: LoadedAction,
  visitor: ActionVisitor,
  params: ActionParams,
): FormCard | null {
  if (action.kind !== 'booking.book') return null;
  if (params.email || (visitor.identified && visitor.email)) return null;
  const carried = Object.entries(params).filter(([name]) => name !== 'email' && name !== 'name');
  return {
    type: 'form',
    actionName: action.name,
    title: 'Your email for the confirmation',
    fields: [
      { name: 'name', label: 'Your name', type: 'text', required: false },
      { name: 'email', label: 'Your email', type: 'email', required: true },
      ...carried.map(([name, value]) => ({
        name,
        label: '',
        type: 'hidden' as const,
        required: true,
        value: String(value),
      })),
    ],
  };
}
