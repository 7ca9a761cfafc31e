import type { ConversationCard } from './cards';

/**
 * The words that go with a card, for the transcript, the notification preview and a model's
 * tool result: what the card says, in one line.
 */
export function textOfCard(card: ConversationCard): string {
  switch (card.type) {
    case 'order':
      return `Order ${card.orderId}: ${card.status}.${card.trackingUrl ? ` Tracking: ${card.trackingUrl}` : ''}`;
    case 'result':
      return card.fields.length
        ? `${card.title}: ${card.fields.map((f) => `${f.label}: ${f.value}`).join(', ')}.`
        : `${card.title}: done.`;
    case 'slots':
      return card.slots.length
        ? 'Here are the times that are free. Pick one below.'
        : 'There are no free times in the coming days.';
    case 'booking':
      return card.status === 'confirmed'
        ? `Booked: ${card.summary}, ${card.start}.`
        : `Cancelled: ${card.summary}.`;
    case 'quote':
      return `Your quote: ${card.total}.${card.note ? ` ${card.note}` : ''}`;
    case 'confirm':
      return `Please confirm below: ${card.summary}.`;
    case 'form':
      return `Fill in the details below for: ${card.title}.`;
    case 'identify':
    case 'error':
      return card.message;
  }
}

/**
 * A tool's result as the model reads it: the card's own words, and for a proposal or a
 * refusal what to tell the visitor, so the model neither claims it did what it did not nor
 * retries a refused call with other values.
 */
export function toolResultOf(card: ConversationCard, ok: boolean): string {
  if (card.type === 'confirm')
    return `Not done yet: the customer sees a card to confirm "${card.summary}". Ask them to press Confirm if it is right.`;
  if (card.type === 'identify')
    return `Refused: the customer is not signed in. Tell them: ${card.message}`;
  if (!ok) return `Refused or failed (do not try other values): ${textOfCard(card)}`;
  return `Shown to the customer as a card: ${textOfCard(card)}`;
}
