'use client';

import { StatusChip } from './conversation-list';
import { formatWhen, isoOf, type When } from './format';

interface VisitorContext {
  userId?: string;
  name?: string;
  plan?: string;
  orderIds?: string[];
  page?: string;
}

/** Who the agent is talking to: where they are, what the site told us, and earlier chats. */
export function VisitorPanel(props: {
  conversation: {
    visitorId: string;
    customerEmail: string | null;
    customerName: string | null;
    language: string | null;
    metadata: { context?: VisitorContext; origin?: string };
  };
  past: {
    id: string;
    status: string;
    lastMessageAt: When;
    lastMessage: { content: string } | null;
  }[];
  onOpen: (conversationId: string) => void;
}) {
  const { conversation } = props;
  const context = conversation.metadata.context ?? {};
  const page = context.page ?? conversation.metadata.origin;
  const facts: [string, string | undefined][] = [
    ['Name', context.name ?? conversation.customerName ?? undefined],
    ['Email', conversation.customerEmail ?? undefined],
    ['User id', context.userId],
    ['Plan', context.plan],
    ['Orders', context.orderIds?.join(', ')],
    ['Language', conversation.language ?? undefined],
    ['Visitor', conversation.visitorId],
  ];
  return (
    <aside className="visitor-panel" aria-label="Visitor">
      <h3>Visitor</h3>
      <dl className="visitor-panel__facts">
        {page && (
          <>
            <dt>Page</dt>
            <dd>
              {/^https?:\/\//.test(page) ? (
                <a href={page} target="_blank" rel="noopener noreferrer nofollow">
                  {page}
                </a>
              ) : (
                page
              )}
            </dd>
          </>
        )}
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="visitor-panel__fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <h4>Past conversations</h4>
      {props.past.length === 0 ? (
        <p className="muted">None before this one.</p>
      ) : (
        <ul className="visitor-panel__past">
          {props.past.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="visitor-panel__open"
                onClick={() => props.onOpen(c.id)}
              >
                <time dateTime={isoOf(c.lastMessageAt)}>{formatWhen(c.lastMessageAt)}</time>{' '}
                <StatusChip status={c.status} />
                <span className="visitor-panel__preview muted">
                  {c.lastMessage?.content ?? 'No messages'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
