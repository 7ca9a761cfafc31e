import type { ActionCard } from '../integrations/index';

/** A call with side effects waiting for the visitor's yes: the widget shows Confirm / Cancel. */
export interface ConfirmCard {
  type: 'confirm';
  proposalId: string;
  actionName: string;
  summary: string;
  fields: { label: string; value: string }[];
}

/** A small form built from an action's parameters (a quote, a request), sent back as a run. */
export interface FormCard {
  type: 'form';
  actionName: string;
  title: string;
  fields: {
    name: string;
    label: string;
    type: 'text' | 'number' | 'checkbox' | 'select' | 'email' | 'hidden';
    required: boolean;
    options?: string[];
    /** Filled in already: a hidden field carries what the visitor picked before (a slot). */
    value?: string;
  }[];
}

/** The visitor must be signed in on the site for this; the widget offers a person instead. */
export interface IdentifyCard {
  type: 'identify';
  message: string;
}

/** Every card a conversation can show: the integrations' results and the actions' own. */
export type ConversationCard = ActionCard | ConfirmCard | FormCard | IdentifyCard;

export const errorCard = (message: string): ActionCard => ({ type: 'error', message });

/** Cards keep to what a small widget shows: long values are cut, not passed on whole. */
export function clip(value: unknown, max = 200): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
