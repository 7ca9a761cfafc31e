'use client';

import type { MessageCard } from '@replyline/db/schema';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { roleName, tagLabel, tagTone } from './conversation-list';
import { formatWhen, isoOf, type When } from './format';
import { Markdown } from './markdown';
import { MessageCards } from './message-cards';

export interface TranscriptMessage {
  id: string;
  role: string;
  content: string;
  sources: {
    n?: number;
    chunkId: string;
    title: string;
    page: number | null;
    heading: string | null;
  }[];
  /** The cards the answer showed the visitor (order status, booking, result…). */
  cards?: MessageCard[];
  tags: string[];
  feedback: number | null;
  authorName: string | null;
  createdAt: When;
}

/** Within this many pixels of the end counts as reading the latest messages. */
const NEAR_END_PX = 80;

/**
 * The messages, opened at the newest. New ones scroll into view while the agent reads the end;
 * while they read further up, a "new messages" marker says how many arrived and jumps there.
 */
export function MessageList({ messages }: { messages: TranscriptMessage[] }) {
  const box = useRef<HTMLOListElement>(null);
  const seen = useRef(messages.length);
  const [unseen, setUnseen] = useState(0);
  const nearEnd = () => {
    const el = box.current;
    return !el || el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_END_PX;
  };
  const toEnd = () => {
    box.current?.scrollTo({ top: box.current.scrollHeight });
    setUnseen(0);
  };

  useLayoutEffect(() => {
    box.current?.scrollTo({ top: box.current.scrollHeight });
  }, []);

  useEffect(() => {
    const added = messages.length - seen.current;
    seen.current = messages.length;
    if (added <= 0) return;
    if (nearEnd()) toEnd();
    else setUnseen((n) => n + added);
  }, [messages.length]);

  return (
    <div className="messages-wrap">
      <ol
        ref={box}
        className="messages"
        aria-label="Messages"
        onScroll={() => unseen > 0 && nearEnd() && setUnseen(0)}
      >
        {messages.map((message) => (
          <MessageItem key={message.id} message={message} />
        ))}
      </ol>
      {unseen > 0 && (
        <button type="button" className="messages__new" onClick={toEnd}>
          {unseen === 1 ? '1 new message' : `${unseen} new messages`} ↓
        </button>
      )}
    </div>
  );
}

function MessageItem({ message }: { message: TranscriptMessage }) {
  // Customers' words are shown as typed; the bot's and the team's Markdown is rendered.
  const rendered = message.role !== 'visitor';
  return (
    <li
      data-role={message.role}
      data-message-id={message.id}
      className={`message message--${message.role}`}
    >
      <p className="message__who">
        <span>
          {message.role === 'agent' || message.role === 'note'
            ? `${roleName(message.role)}${message.authorName ? ` · ${message.authorName}` : ''}`
            : roleName(message.role)}
        </span>
        <time dateTime={isoOf(message.createdAt)}>{formatWhen(message.createdAt)}</time>
      </p>
      {rendered ? (
        <div className="message__text message__text--markdown">
          <Markdown text={message.content} />
        </div>
      ) : (
        <p className="message__text">{message.content}</p>
      )}
      {message.cards && message.cards.length > 0 && <MessageCards cards={message.cards} />}
      {message.sources.length > 0 && (
        <ul className="message__sources" aria-label="Sources">
          {message.sources.map((source, i) => (
            <li key={`${source.chunkId}-${i}`}>{sourceLabel(source)}</li>
          ))}
        </ul>
      )}
      {(message.tags.length > 0 || message.feedback !== null) && (
        <p className="chips">
          {message.tags.map((tag) => (
            <span key={tag} className={`chip chip--tag chip--${tagTone(tag)}`}>
              {tagLabel(tag)}
            </span>
          ))}
          {message.feedback !== null && (
            <span className="chip">{message.feedback > 0 ? '👍 helpful' : '👎 not helpful'}</span>
          )}
        </p>
      )}
    </li>
  );
}

/** "[1] Terms, p. 3 — Damage": which passage an answer leaned on. */
export function sourceLabel(source: {
  n?: number;
  title: string;
  page: number | null;
  heading: string | null;
}): string {
  const marker = source.n ? `[${source.n}] ` : '';
  const page = source.page ? `, p. ${source.page}` : '';
  const heading = source.heading ? ` — ${source.heading}` : '';
  return `${marker}${source.title}${page}${heading}`;
}
