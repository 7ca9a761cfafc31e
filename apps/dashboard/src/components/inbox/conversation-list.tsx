'use client';

import { customerLabel, formatWhen, isoOf, type When } from './format';

export interface ConversationRow {
  id: string;
  visitorId: string;
  customerEmail: string | null;
  customerName: string | null;
  status: 'open' | 'escalated' | 'resolved';
  escalated: boolean;
  language: string | null;
  rating: number | null;
  botPausedAt: When | null;
  assignedUserName: string | null;
  lastMessageAt: When;
  lastMessage: { role: string; content: string } | null;
  tags: string[];
  /** The knowledge its answers cited most, in the tenant's own words. */
  topics?: string[];
}

/** The inbox's list: a checkbox to pick rows for export, and the row itself to open it. */
export function ConversationList(props: {
  rows: ConversationRow[];
  selectedId: string | null;
  checked: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onCheck: (id: string, checked: boolean) => void;
}) {
  return (
    <ul className="conversation-list" aria-label="Conversations">
      {props.rows.map((row) => {
        const who = customerLabel(row);
        const selected = row.id === props.selectedId;
        return (
          <li
            key={row.id}
            data-conversation-id={row.id}
            data-status={row.status}
            className={
              selected ? 'conversation-row conversation-row--selected' : 'conversation-row'
            }
          >
            <input
              type="checkbox"
              className="conversation-row__check"
              checked={props.checked.has(row.id)}
              onChange={(event) => props.onCheck(row.id, event.currentTarget.checked)}
              aria-label={`Select the conversation with ${who}`}
            />
            <button
              type="button"
              className="conversation-row__open"
              aria-current={selected ? 'true' : undefined}
              onClick={() => props.onSelect(row.id)}
            >
              <span className="conversation-row__top">
                <span className="conversation-row__who">{who}</span>
                <time dateTime={isoOf(row.lastMessageAt)} className="muted">
                  {formatWhen(row.lastMessageAt)}
                </time>
              </span>
              <span className="conversation-row__preview muted">
                {row.lastMessage
                  ? `${row.lastMessage.role === 'visitor' ? '' : `${roleName(row.lastMessage.role)}: `}${plainText(row.lastMessage.content)}`
                  : 'No messages yet'}
              </span>
              <span className="chips">
                <StatusChip status={row.status} />
                {row.escalated && row.status !== 'escalated' && (
                  <span className="chip chip--warn">was escalated</span>
                )}
                {row.botPausedAt && <span className="chip chip--agent">agent answering</span>}
                {row.rating !== null && <span className="chip">{`★ ${row.rating}`}</span>}
                {row.language && <span className="chip">{row.language}</span>}
                {row.assignedUserName && (
                  <span className="chip">{`Assigned: ${row.assignedUserName}`}</span>
                )}
                {row.tags.map((tag) => (
                  <span key={tag} className={`chip chip--tag chip--${tagTone(tag)}`}>
                    {tagLabel(tag)}
                  </span>
                ))}
                {row.topics?.map((topic) => (
                  <span key={topic} className="chip chip--topic">
                    {topic}
                  </span>
                ))}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** A message as one line of a list: Markdown's marks dropped, so "**bold**" reads "bold". */
export function plainText(markdown: string): string {
  return markdown.replace(/\*\*|__|`|^\s*[-*]\s+/gm, '').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
}

export function StatusChip({ status }: { status: string }) {
  return <span className={`chip chip--status-${status}`}>{status}</span>;
}

export function roleName(role: string): string {
  const names: Record<string, string> = {
    visitor: 'Customer',
    assistant: 'Assistant',
    agent: 'Agent',
    note: 'Internal note',
    system: 'System',
  };
  return names[role] ?? role;
}

/** Signal tags in words; a tag not known here is not shown as a raw key either. */
const TAG_LABELS: Record<string, string> = {
  upset: 'Upset',
  confused: 'Confused',
  thanks: 'Thankful',
  human_requested: 'Asked for a person',
  unanswered: 'Not answered',
};

export function tagLabel(tag: string): string {
  return TAG_LABELS[tag] ?? tag.replaceAll('_', ' ');
}

/** Sentiment tags get a colour; intent tags (pricing, refund…) stay neutral. */
export function tagTone(tag: string): 'negative' | 'positive' | 'neutral' {
  if (tag === 'upset' || tag === 'confused' || tag === 'unanswered') return 'negative';
  if (tag === 'thanks') return 'positive';
  return 'neutral';
}
