'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { usePlanAllows } from '../billing/plan-gate';
import { insertReply, matchingReplies, slashQuery } from './canned-replies';
import { useThrottled } from './typing';

/** The reply box (reaches the customer's widget) and the note box (the team only). */
export function Composer(props: {
  conversationId: string;
  botPaused: boolean;
  onSent: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const reply = useMutation(trpc.inbox.reply.mutationOptions({ onSuccess: props.onSent }));
  const note = useMutation(trpc.inbox.addNote.mutationOptions({ onSuccess: props.onSent }));
  const [chosen, setMode] = useState<'reply' | 'note'>('reply');
  const [text, setText] = useState('');
  // Replying to the customer is live hand-off; without it the team can still write notes.
  const canReply = usePlanAllows('liveHandoff') !== false;
  const mode = canReply ? chosen : 'note';
  const pending = mode === 'reply' ? reply : note;
  // The customer sees "typing…" while a reply is written (never while a note is).
  const typing = useMutation(trpc.inbox.typing.mutationOptions());
  // Read when the throttle fires, which may be after the reply was sent: only a reply still
  // being written is announced.
  const written = useRef('');
  const announceTyping = useThrottled(() => {
    if (mode === 'reply' && written.current.trim())
      typing.mutate({ conversationId: props.conversationId });
  });
  const onChange = (value: string) => {
    written.current = value;
    setText(value);
    if (mode === 'reply' && value.trim()) announceTyping();
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const content = text.trim();
    if (!content) return;
    const done = await pending
      .mutateAsync({ conversationId: props.conversationId, content })
      .catch(() => null);
    if (done !== null) {
      written.current = '';
      setText('');
    }
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
      <ReplyBox mode={mode} value={text} onChange={onChange} />
      <p id="composer-hint" className="hint">
        {mode === 'reply'
          ? props.botPaused
            ? 'The customer sees your reply at once. Type / for a canned reply; Ctrl+Enter sends.'
            : 'Replying takes the conversation over: the bot pauses until you hand it back. Type / for a canned reply; Ctrl+Enter sends.'
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

/** The textarea, with the canned replies that match a "/word" typed in it. */
function ReplyBox(props: { mode: 'reply' | 'note'; value: string; onChange: (v: string) => void }) {
  const trpc = useTRPC();
  const canned = useQuery(trpc.cannedReplies.list.queryOptions(undefined, { staleTime: 60_000 }));
  const area = useRef<HTMLTextAreaElement>(null);
  const [cursor, setCursor] = useState(0);
  const [active, setActive] = useState(0);
  const slash = props.mode === 'reply' ? slashQuery(props.value, cursor) : null;
  const options = slash ? matchingReplies(canned.data ?? [], slash.query).slice(0, 8) : [];
  const open = options.length > 0;

  function choose(body: string) {
    if (!slash) return;
    const next = insertReply(props.value, slash.start, cursor, body);
    props.onChange(next.text);
    setCursor(next.cursor);
    setActive(0);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.cursor, next.cursor);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (open && (event.key === 'Enter' || event.key === 'Tab') && !event.ctrlKey) {
      event.preventDefault();
      choose(options[Math.min(active, options.length - 1)]!.body);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      // Ctrl/⌘+Enter sends, as in most chat tools; Enter alone makes a new line.
      event.currentTarget.form?.requestSubmit();
    }
  }

  return (
    <div className="composer__box">
      <label htmlFor={`composer-${props.mode}`} className="visually-hidden">
        {props.mode === 'reply' ? 'Reply' : 'Note'}
      </label>
      <textarea
        ref={area}
        key={props.mode}
        id={`composer-${props.mode}`}
        name={props.mode}
        rows={3}
        maxLength={4000}
        required
        value={props.value}
        className={props.mode === 'note' ? 'composer__note' : undefined}
        aria-describedby="composer-hint"
        aria-controls={open ? 'canned-replies' : undefined}
        aria-expanded={props.mode === 'reply' ? open : undefined}
        placeholder={
          props.mode === 'reply' ? 'Write to the customer…' : 'Only your team sees this…'
        }
        onChange={(event) => {
          props.onChange(event.currentTarget.value);
          setCursor(event.currentTarget.selectionStart);
          setActive(0);
        }}
        onSelect={(event) => setCursor(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id="canned-replies" role="listbox" aria-label="Canned replies" className="canned">
          {options.map((option, i) => (
            <li
              key={option.id}
              role="option"
              aria-selected={i === active}
              className="canned__option"
              onMouseDown={(event) => {
                // Keeps the textarea's focus and cursor while choosing.
                event.preventDefault();
                choose(option.body);
              }}
            >
              <strong>/{option.shortcut}</strong> {option.title}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
