// Cards the assistant's actions show under an answer: an order's status, a result, free slots,
// a quote, a form, a request to confirm or to sign in. Built from text nodes only (no HTML
// from the server); links only to http(s). Hooks for browser tests: data-card="<type>".

import { h } from '../dom';

/** What a card's button asks the server to do (POST /v1/conversations/{id}/actions). */
export type CardRequest =
  { proposalId: string } | { action: string; params: Record<string, unknown> };
export type CardAct = (request: CardRequest) => void;

type Card = { type: string } & Record<string, unknown>;
type Row = { label: string; value: string };

const str = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

const rows = (items: Row[]) =>
  h('dl', null, ...items.flatMap((row) => [h('dt', null, row.label), h('dd', null, row.value)]));

const link = (url: string, text: string) =>
  /^https?:\/\//i.test(url)
    ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text)
    : null;

/** One card; `act` sends a button's or form's request, once (the card disables itself). */
export function actionCard(card: Card, act: CardAct): HTMLElement {
  const box = h('div', { class: 'card', 'data-card': card.type });
  const send = (request: CardRequest) => {
    box.querySelectorAll('button').forEach((button) => (button.disabled = true));
    act(request);
  };
  for (const part of cardBody(card, send)) if (part) box.appendChild(part);
  return box;
}

function cardBody(card: Card, send: CardAct): (HTMLElement | null)[] {
  switch (card.type) {
    case 'order': {
      const items = list<{ name: string; quantity: number }>(card.items);
      return [
        h('b', null, `#${str(card.orderId)} · ${str(card.status)}`),
        rows([
          ...(card.placedAt ? [{ label: '📅', value: readableValue(card.placedAt) }] : []),
          ...(card.total ? [{ label: 'Σ', value: str(card.total) }] : []),
          ...items.map((item) => ({ label: `${str(item.quantity)}×`, value: str(item.name) })),
        ]),
        link(str(card.trackingUrl), 'Track'),
      ];
    }
    case 'result':
      return [h('b', null, str(card.title)), rows(list<Row>(card.fields))];
    case 'quote':
      return [
        rows([
          ...list<{ label: string; amount: string }>(card.lines).map((l) => ({
            label: str(l.label),
            value: str(l.amount),
          })),
          { label: 'Σ', value: str(card.total) },
        ]),
        card.note ? h('p', null, str(card.note)) : null,
      ];
    case 'booking':
      return [
        h('b', null, `${str(card.summary)} · ${str(card.status)}`),
        h('p', null, `${slotLabel(str(card.start), '')} – ${timeLabel(str(card.end))}`),
      ];
    case 'slots':
      return list<{ start: string; end: string }>(card.slots).map((slot) =>
        h(
          'button',
          {
            type: 'button',
            onclick: () =>
              send({ action: str(card.actionName), params: { start: slot.start, end: slot.end } }),
          },
          slotLabel(slot.start, str(card.timezone)),
        ),
      );
    case 'confirm':
      return [
        h('p', null, str(card.summary)),
        rows(list<Row>(card.fields).map((row) => ({ ...row, value: readableValue(row.value) }))),
        h(
          'button',
          {
            type: 'button',
            'data-confirm': '',
            onclick: () => send({ proposalId: str(card.proposalId) }),
          },
          'Confirm',
        ),
      ];
    case 'form':
      return [formOf(card, send)];
    default:
      return [h('p', null, str(card.message))];
  }
}

function formOf(card: Card, send: CardAct): HTMLElement {
  const fields = list<{
    name: string;
    label: string;
    type: string;
    required: boolean;
    options?: string[];
    value?: string;
  }>(card.fields);
  const form = h(
    'form',
    null,
    h('b', null, str(card.title)),
    ...fields.map((field) =>
      h(
        'label',
        null,
        field.label,
        field.type === 'select'
          ? h(
              'select',
              { name: field.name },
              ...(field.options ?? []).map((o) => h('option', null, o)),
            )
          : h('input', {
              name: field.name,
              type: field.type,
              required: field.required,
              value: field.value,
            }),
      ),
    ),
    h('button', { type: 'submit' }, 'Send'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params: Record<string, unknown> = {};
    for (const field of fields) {
      const input = form.elements.namedItem(field.name) as HTMLInputElement | null;
      if (!input) continue;
      if (field.type === 'checkbox') params[field.name] = input.checked;
      else if (input.value !== '')
        params[field.name] = field.type === 'number' ? Number(input.value) : input.value;
    }
    send({ action: str(card.actionName), params });
  });
  return form;
}

/** A time the integration sent as ISO 8601 reads as the visitor's own clock time, not as code. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
function readableValue(value: unknown): string {
  const text = str(value);
  return ISO_TIME.test(text) ? slotLabel(text, '') : text;
}

function timeLabel(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function slotLabel(start: string, timeZone: string): string {
  const date = new Date(start);
  if (Number.isNaN(date.getTime())) return start;
  try {
    return date.toLocaleString(undefined, {
      timeZone: timeZone || undefined,
      weekday: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
  } catch {
    return date.toLocaleString();
  }
}
