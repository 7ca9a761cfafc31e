import type { MessageCard } from '@replyline/db/schema';
import { formatWhen } from './format';

// The cards an answer showed the visitor (an order's status, a booking, a result…), in the
// transcript as the widget showed them: the same words, read-only (no button does anything
// here). Cards are stored loosely typed; anything missing reads as empty, links only to http(s).
// Times the integrations send as ISO 8601 read as the agent's clock time, like the transcript's.

type Row = { label: string; value: string };

const str = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';
const list = <T,>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

export function MessageCards({ cards }: { cards: MessageCard[] }) {
  return (
    <div className="message__cards" aria-label="Cards shown to the visitor">
      {cards.map((card, i) => (
        <div key={i} className="action-card" data-card={card.type}>
          <CardBody card={card} />
        </div>
      ))}
    </div>
  );
}

function CardBody({ card }: { card: MessageCard }) {
  switch (card.type) {
    case 'order': {
      const items = list<{ name: string; quantity: number }>(card.items);
      return (
        <>
          <b>{`#${str(card.orderId)} · ${str(card.status)}`}</b>
          <Rows
            rows={[
              ...(card.placedAt ? [{ label: '📅', value: readable(card.placedAt) }] : []),
              ...(card.total ? [{ label: 'Σ', value: str(card.total) }] : []),
              ...items.map((item) => ({ label: `${str(item.quantity)}×`, value: str(item.name) })),
            ]}
          />
          {/^https?:\/\//i.test(str(card.trackingUrl)) && (
            <a href={str(card.trackingUrl)} target="_blank" rel="noopener noreferrer">
              Track
            </a>
          )}
        </>
      );
    }
    case 'result':
      return (
        <>
          <b>{str(card.title)}</b>
          <Rows rows={list<Row>(card.fields)} />
        </>
      );
    case 'quote':
      return (
        <>
          <Rows
            rows={[
              ...list<{ label: string; amount: string }>(card.lines).map((line) => ({
                label: str(line.label),
                value: str(line.amount),
              })),
              { label: 'Σ', value: str(card.total) },
            ]}
          />
          {card.note ? <p>{str(card.note)}</p> : null}
        </>
      );
    case 'booking':
      return (
        <>
          <b>{`${str(card.summary)} · ${str(card.status)}`}</b>
          <p>{timeSpan(str(card.start), str(card.end))}</p>
        </>
      );
    case 'slots':
      return (
        <p className="action-card__slots">
          {list<{ start: string }>(card.slots).map((slot) => (
            <span key={slot.start} className="chip">
              {slotLabel(slot.start, str(card.timezone))}
            </span>
          ))}
        </p>
      );
    case 'confirm':
      return (
        <>
          <p>{str(card.summary)}</p>
          <Rows rows={list<Row>(card.fields)} />
          <button type="button" disabled>
            Confirm
          </button>
        </>
      );
    case 'form':
      return (
        <>
          <b>{str(card.title)}</b>
          <p className="muted">
            {list<{ label: string }>(card.fields)
              .map((field) => str(field.label))
              .filter(Boolean) // hidden fields (a picked slot carried along) have no label
              .join(' · ')}
          </p>
        </>
      );
    default:
      return <p>{str(card.message)}</p>;
  }
}

function Rows({ rows }: { rows: Row[] }) {
  if (rows.length === 0) return null;
  return (
    <dl className="action-card__fields">
      {rows.map((row, i) => (
        <div key={i}>
          <dt>{str(row.label)}</dt>
          <dd>{readable(row.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value as the agent reads it: an ISO time (an order placed, a booked start) as a date. */
function readable(value: unknown): string {
  const text = str(value);
  return ISO_TIME.test(text) ? formatWhen(text) || text : text;
}

/** "7 Dec 2026, 09:00 – 10:00"; the end's date only when it is another day. */
function timeSpan(start: string, end: string): string {
  const [from, to] = [new Date(start), new Date(end)];
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    return `${readable(start)} – ${readable(end)}`;
  return `${formatWhen(from)} – ${formatWhen(to, from)}`;
}

/** The widget's slot label, in English here (the widget uses the visitor's language). */
function slotLabel(start: string, timeZone: string): string {
  const date = new Date(start);
  if (Number.isNaN(date.getTime())) return start;
  try {
    return date.toLocaleString('en', {
      timeZone: timeZone || undefined,
      weekday: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
  } catch {
    return date.toISOString();
  }
}
