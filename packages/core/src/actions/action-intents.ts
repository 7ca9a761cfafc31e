import type { ActionVisitor } from '../integrations/index';
import type { LoadedAction } from './run-action';

/** What a message asks for that an action answers, when no model is there to decide. */
export type ActionIntent =
  | { kind: 'run'; action: LoadedAction; params: Record<string, unknown> }
  | { kind: 'form'; action: LoadedAction };

const ORDER_WORDS =
  /\b(orders?|ordre|ordrer|bestilling|beställning|bestellung|pedido|commande|package|parcel|delivery|shipment|tracking)\b/i;
/** "order 1001", "order #1001", "order no. 1001", or a bare "#1001". */
const ORDER_NUMBER =
  /(?:\b(?:orders?|ordre|bestilling|beställning|bestellung|pedido|commande)\b\D{0,12}?|#)\s*([A-Za-z]{0,4}-?\d{3,12})\b/i;
const BOOKING_WORDS =
  /\b(book|booking|appointment|schedule|reserve|slot|available times?|boka|bestille|termin|reservar|rendez-vous)\b/i;
const QUOTE_WORDS =
  /\b(quote|estimate|how much would|price for|pris|offert|tilbud|angebot|devis|cotización)\b/i;

const ORDER_PARAM = /^order_?(id|number|no)$/i;

/**
 * The deterministic intents (no model): order status when a message is about an order and
 * the visitor either names one or has orders in their signed context; booking offers the
 * slots of a slot-finding action; a quote offers the form of a quote action. Null: no intent,
 * the message is answered from knowledge as usual.
 */
export function matchActionIntent(
  text: string,
  actions: LoadedAction[],
  visitor: ActionVisitor,
): ActionIntent | null {
  return (
    orderIntent(text, actions, visitor) ??
    bookingIntent(text, actions) ??
    quoteIntent(text, actions)
  );
}

function orderIntent(
  text: string,
  actions: LoadedAction[],
  visitor: ActionVisitor,
): ActionIntent | null {
  if (!ORDER_WORDS.test(text)) return null;
  const action = actions.find((a) => orderParamOf(a) && /order/i.test(`${a.kind} ${a.name}`));
  if (!action) return null;
  const named = ORDER_NUMBER.exec(text)?.[1];
  const signed = visitor.identified ? visitor.context?.orderIds : undefined;
  // "Where is my order?" with no number: the newest of the visitor's signed orders.
  const orderId = named ?? (Array.isArray(signed) ? String(signed.at(-1) ?? '') : '');
  // An anonymous visitor still gets the action's answer: a request to sign in.
  if (!orderId && visitor.identified) return null;
  return { kind: 'run', action, params: { [orderParamOf(action)!]: orderId || '0' } };
}

function bookingIntent(text: string, actions: LoadedAction[]): ActionIntent | null {
  if (!BOOKING_WORDS.test(text)) return null;
  const action = actions.find((a) => /find_slots|slots|availability/i.test(`${a.kind} ${a.name}`));
  if (!action) return null;
  const required = action.parameters.required ?? [];
  return required.length === 0 ? { kind: 'run', action, params: {} } : { kind: 'form', action };
}

function quoteIntent(text: string, actions: LoadedAction[]): ActionIntent | null {
  if (!QUOTE_WORDS.test(text)) return null;
  const action = actions.find((a) => /quote|estimate/i.test(`${a.kind} ${a.name}`));
  return action ? { kind: 'form', action } : null;
}

function orderParamOf(action: LoadedAction): string | undefined {
  return Object.keys(action.parameters.properties ?? {}).find((name) => ORDER_PARAM.test(name));
}
