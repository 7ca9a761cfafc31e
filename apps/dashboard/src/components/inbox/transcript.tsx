'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { UpgradeHint, usePlanAllows } from '../billing/plan-gate';
import { roleName, StatusChip, tagTone } from './conversation-list';
import { ExportButtons } from './export-buttons';
import { customerLabel, formatWhen, isoOf } from './format';

/** How often an open conversation is read again, so new messages show without a reload. */
const TRANSCRIPT_REFRESH_MS = 2_000;

/** One conversation: its messages and everything an agent does with it. */
export function Transcript({ conversationId }: { conversationId: string }) {
  const trpc = useTRPC();
  const transcript = useQuery(
    trpc.inbox.transcript.queryOptions(
      { conversationId },
      { refetchInterval: TRANSCRIPT_REFRESH_MS, staleTime: 0 },
    ),
  );
  if (transcript.isPending) return <p className="muted">Loading the conversation…</p>;
  if (transcript.isError)
    return (
      <p role="alert" className="alert">
        {transcript.error.message}
      </p>
    );
  const { conversation, messages, tickets } = transcript.data;
  return (
    <article
      className="transcript"
      aria-labelledby="transcript-title"
      data-conversation={conversation.id}
    >
      <header className="transcript__header">
        <div>
          <h2 id="transcript-title">{customerLabel(conversation)}</h2>
          <p className="muted transcript__meta">
            <StatusChip status={conversation.status} />{' '}
            {conversation.customerEmail && <span>{conversation.customerEmail} · </span>}
            <span>visitor {conversation.visitorId}</span>
            {conversation.language && <span> · {conversation.language}</span>}
            {conversation.rating !== null && <span> · rated {conversation.rating}/5</span>}
          </p>
          <p className="transcript__bot" role="status">
            {conversation.botPausedAt
              ? `The bot is paused: ${conversation.assignedUserName ?? 'an agent'} is answering.`
              : 'The bot is answering.'}
          </p>
        </div>
        <ConversationActions
          conversationId={conversation.id}
          botPaused={Boolean(conversation.botPausedAt)}
          resolved={conversation.status === 'resolved'}
        />
      </header>
      {tickets.length > 0 && (
        <p className="transcript__tickets">
          Tickets:{' '}
          {tickets.map((ticket) => (
            <Link key={ticket.id} href={`/tickets/${ticket.id}`} className="chip">
              #{ticket.number} {ticket.subject} ({ticket.status})
            </Link>
          ))}
        </p>
      )}
      <ol className="messages" aria-label="Messages">
        {messages.map((message) => (
          <li
            key={message.id}
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
            <p className="message__text">{message.content}</p>
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
                    {tag}
                  </span>
                ))}
                {message.feedback !== null && (
                  <span className="chip">
                    {message.feedback > 0 ? '👍 helpful' : '👎 not helpful'}
                  </span>
                )}
              </p>
            )}
          </li>
        ))}
      </ol>
      {messages.length === 0 && <p className="empty">No messages yet.</p>}
      <Composer conversationId={conversation.id} botPaused={Boolean(conversation.botPausedAt)} />
    </article>
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

function useRefreshInbox(conversationId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.inbox.transcript.queryFilter({ conversationId })),
      queryClient.invalidateQueries(trpc.inbox.list.pathFilter()),
    ]);
}

function ConversationActions(props: {
  conversationId: string;
  botPaused: boolean;
  resolved: boolean;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshInbox(props.conversationId);
  const options = { onSuccess: refresh };
  const takeOver = useMutation(trpc.inbox.takeOver.mutationOptions(options));
  const handBack = useMutation(trpc.inbox.handBack.mutationOptions(options));
  const resolve = useMutation(trpc.inbox.resolve.mutationOptions(options));
  const reopen = useMutation(trpc.inbox.reopen.mutationOptions(options));
  const input = { conversationId: props.conversationId };
  const error = [takeOver, handBack, resolve, reopen].find((m) => m.error)?.error;
  const handoff = usePlanAllows('liveHandoff');
  return (
    <div className="transcript__actions">
      <div className="actions">
        {handoff === false ? (
          <UpgradeHint feature="liveHandoff" />
        ) : props.botPaused ? (
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={handBack.isPending}
            onClick={() => handBack.mutate(input)}
          >
            Hand back to bot
          </button>
        ) : (
          <button
            type="button"
            className="button button--small"
            disabled={takeOver.isPending}
            onClick={() => takeOver.mutate(input)}
          >
            Take over
          </button>
        )}
        {props.resolved ? (
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={reopen.isPending}
            onClick={() => reopen.mutate(input)}
          >
            Reopen
          </button>
        ) : (
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={resolve.isPending}
            onClick={() => resolve.mutate(input)}
          >
            Resolve
          </button>
        )}
      </div>
      <ExportButtons request={{ ids: [props.conversationId] }} label="this conversation" />
      {error && (
        <p role="alert" className="field__error">
          {error.message}
        </p>
      )}
    </div>
  );
}

/** The reply box (reaches the customer's widget) and the note box (the team only). */
function Composer({ conversationId, botPaused }: { conversationId: string; botPaused: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshInbox(conversationId);
  const reply = useMutation(trpc.inbox.reply.mutationOptions({ onSuccess: refresh }));
  const note = useMutation(trpc.inbox.addNote.mutationOptions({ onSuccess: refresh }));
  const [chosen, setMode] = useState<'reply' | 'note'>('reply');
  // Replying to the customer is live hand-off; without it the team can still write notes.
  const canReply = usePlanAllows('liveHandoff') !== false;
  const mode = canReply ? chosen : 'note';
  const pending = mode === 'reply' ? reply : note;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const content = String(new FormData(form).get(mode) ?? '').trim();
    if (!content) return;
    const done = await pending.mutateAsync({ conversationId, content }).catch(() => null);
    if (done !== null) form.reset();
  }

  return (
    <form className="composer" onSubmit={onSubmit} aria-label="Answer or note">
      <fieldset className="composer__modes">
        <legend className="visually-hidden">Write</legend>
        {canReply && (
          <label>
            <input
              type="radio"
              name="composer-mode"
              checked={mode === 'reply'}
              onChange={() => setMode('reply')}
            />{' '}
            Reply to the customer
          </label>
        )}
        <label>
          <input
            type="radio"
            name="composer-mode"
            checked={mode === 'note'}
            onChange={() => setMode('note')}
          />{' '}
          Internal note
        </label>
      </fieldset>
      <label htmlFor={`composer-${mode}`} className="visually-hidden">
        {mode === 'reply' ? 'Reply' : 'Note'}
      </label>
      <textarea
        key={mode}
        id={`composer-${mode}`}
        name={mode}
        rows={3}
        maxLength={4000}
        required
        className={mode === 'note' ? 'composer__note' : undefined}
        aria-describedby="composer-hint"
        placeholder={mode === 'reply' ? 'Write to the customer…' : 'Only your team sees this…'}
        onKeyDown={(event) => {
          // Ctrl/⌘+Enter sends, as in most chat tools; Enter alone makes a new line.
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey))
            event.currentTarget.form?.requestSubmit();
        }}
      />
      <p id="composer-hint" className="hint">
        {mode === 'reply'
          ? botPaused
            ? 'The customer sees your reply at once. Ctrl+Enter sends.'
            : 'Replying takes the conversation over: the bot pauses until you hand it back. Ctrl+Enter sends.'
          : 'The customer never sees notes. Ctrl+Enter adds it.'}
      </p>
      {pending.error && (
        <p role="alert" className="field__error">
          {pending.error.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--small" disabled={pending.isPending}>
          {mode === 'reply' ? 'Send reply' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
