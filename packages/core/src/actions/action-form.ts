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
