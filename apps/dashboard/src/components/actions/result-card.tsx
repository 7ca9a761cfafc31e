import type { ConversationCard } from '@replyline/core/actions';

/** A card as the visitor would see it in the widget, in the dashboard's plain styles. */
export function ResultCard({ card, ok }: { card: ConversationCard; ok: boolean }) {
  return (
    <div className="action-card" data-ok={ok} data-type={card.type}>
      <CardBody card={card} />
    </div>
  );
}

function CardBody({ card }: { card: ConversationCard }) {
  switch (card.type) {
    case 'order':
      return (
        <>
          <p>
            <strong>Order {card.orderId}</strong> · {card.status}
          </p>
          {(card.placedAt || card.total) && (
            <p className="muted">{[card.placedAt, card.total].filter(Boolean).join(' · ')}</p>
          )}
          <ul>
            {card.items.map((item, i) => (
              <li key={i}>
                {item.quantity} × {item.name}
              </li>
            ))}
          </ul>
          {card.trackingUrl && (
            <p>
              <a href={card.trackingUrl} rel="noreferrer noopener" target="_blank">
                Track the parcel
              </a>
            </p>
          )}
        </>
      );
    case 'result':
      return (
        <>
          <p>
            <strong>{card.title}</strong>
          </p>
          {card.fields.length ? <Pairs rows={card.fields} /> : <p>Done.</p>}
        </>
      );
    case 'quote':
      return (
        <>
          <Pairs rows={card.lines.map((l) => ({ label: l.label, value: l.amount }))} />
          <p>
            <strong>Total: {card.total}</strong>
          </p>
          {card.note && <p className="muted">{card.note}</p>}
        </>
      );
    case 'slots':
      return card.slots.length ? (
        <>
          <p>Free times ({card.timezone}):</p>
          <ul>
            {card.slots.map((slot) => (
              <li key={slot.start}>
                {slot.start} – {slot.end}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>No free times in the coming days.</p>
      );
    case 'booking':
      return (
        <p>
          {card.status === 'confirmed' ? 'Booked' : 'Cancelled'}: {card.summary}, {card.start} –{' '}
          {card.end}
        </p>
      );
    case 'confirm':
      return (
        <>
          <p>The visitor would be asked to confirm: {card.summary}</p>
          <Pairs rows={card.fields} />
        </>
      );
    case 'form':
      return (
        <p>
          The visitor would be shown a form: {card.title} (
          {card.fields
            .map((f) => f.label)
            .filter(Boolean)
            .join(', ')}
          )
        </p>
      );
    case 'identify':
    case 'error':
      return <p role="alert">{card.message}</p>;
  }
}

function Pairs({ rows }: { rows: { label: string; value: string }[] }) {
  return (
    <dl className="action-card__fields">
      {rows.map((row, i) => (
        <div key={i}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
