'use client';

import { FormStatus } from '@replyline/ui/form-status';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formatWhen, isoOf } from '../inbox/format';
import { TICKET_PRIORITIES, TICKET_STATUSES, ticketChange } from './ticket-filter';
import { useMembers } from './use-members';

type Field = 'status' | 'priority' | 'category' | 'assigneeUserId';

/** One ticket: its fields (changed in place), where it came from, its history and the reply form. */
export function TicketDetail({ ticketId }: { ticketId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useMembers();
  const detail = useQuery(trpc.tickets.get.queryOptions({ ticketId }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.tickets.get.queryFilter({ ticketId })),
      queryClient.invalidateQueries(trpc.tickets.list.pathFilter()),
    ]);
  const update = useMutation(trpc.tickets.update.mutationOptions({ onSuccess: refresh }));
  const change = (field: Field, value: string) =>
    update.mutate({ ticketId, ...ticketChange(field, value) });

  if (detail.isPending) return <p className="muted">Loading the ticket…</p>;
  if (detail.isError)
    return (
      <p role="alert" className="alert">
        {detail.error.message}
      </p>
    );
  const { ticket, conversation, history, customerMessage, names, attachments } = detail.data;
  return (
    <article className="ticket" aria-labelledby="ticket-title" data-ticket={ticket.id}>
      <header className="transcript__header">
        <div>
          <h2 id="ticket-title">
            #{ticket.number} {ticket.subject}
          </h2>
          <p className="muted transcript__meta">
            {ticket.customerName ? `${ticket.customerName} · ` : ''}
            {ticket.customerEmail} · opened{' '}
            <time dateTime={isoOf(ticket.createdAt)}>{formatWhen(ticket.createdAt)}</time>
          </p>
          {conversation && (
            <p className="transcript__meta">
              From a chat:{' '}
              <Link href={`/inbox?conversation=${conversation.id}`}>open the conversation</Link>{' '}
              <span className="muted">({conversation.status})</span>
            </p>
          )}
        </div>
      </header>
      {customerMessage && (
        <section aria-labelledby="ticket-message-title">
          <h3 id="ticket-message-title">The customer wrote</h3>
          <blockquote className="ticket__message">{customerMessage}</blockquote>
        </section>
      )}
      <div className="ticket__fields">
        <SelectField
          id="ticket-status"
          label="Status"
          value={ticket.status}
          options={TICKET_STATUSES.map((s) => ({ value: s, label: s }))}
          onChange={(v) => change('status', v)}
          disabled={update.isPending}
        />
        <SelectField
          id="ticket-priority"
          label="Priority"
          value={ticket.priority}
          options={TICKET_PRIORITIES.map((p) => ({ value: p, label: p }))}
          onChange={(v) => change('priority', v)}
          disabled={update.isPending}
        />
        <SelectField
          id="ticket-assignee"
          label="Assignee"
          value={ticket.assigneeUserId ?? ''}
          options={[
            { value: '', label: 'Unassigned' },
            ...members.map((m) => ({ value: m.id, label: m.label })),
          ]}
          onChange={(v) => change('assigneeUserId', v)}
          disabled={update.isPending}
        />
        <CategoryField
          key={ticket.category ?? ''}
          category={ticket.category}
          onSave={(v) => change('category', v)}
          disabled={update.isPending}
        />
      </div>
      <FormStatus error={update.error?.message} />
      {attachments.length > 0 && <TicketAttachments ticketId={ticket.id} files={attachments} />}
      <h3>History</h3>
      <ol className="ticket__history">
        {history.map((event) => (
          <li key={event.id}>
            <time dateTime={isoOf(event.createdAt)} className="muted">
              {formatWhen(event.createdAt)}
            </time>{' '}
            {describeEvent(event.type, event.data, names)}
          </li>
        ))}
      </ol>
      <ReplyForm ticketId={ticketId} customerEmail={ticket.customerEmail} onSent={refresh} />
    </article>
  );
}

/** A line of the ticket's history, in words, people by name (`names`: id → name). */
export function describeEvent(
  type: string,
  data: unknown,
  names: Record<string, string> = {},
): string {
  const d = (data ?? {}) as Record<string, unknown>;
  const nameOf = (id: unknown) =>
    typeof id === 'string' ? (names[id] ?? 'a former member') : 'nobody';
  const by = typeof d.byUserId === 'string' ? ` by ${nameOf(d.byUserId)}` : '';
  if (type === 'ticket_created')
    return d.source === 'manual' ? `Created by hand${by}.` : 'Created from an escalated chat.';
  if (type === 'ticket_replied')
    return typeof d.byUserId === 'string'
      ? `${capitalized(nameOf(d.byUserId))} replied to the customer by email.`
      : 'Replied to the customer by email.';
  if (type === 'ticket_customer_replied') {
    const reply = `The customer replied by email: ${typeof d.reply === 'string' ? d.reply : ''}`;
    return typeof d.attachmentsNote === 'string' ? `${reply} (${d.attachmentsNote})` : reply;
  }
  if (type === 'ticket_updated') {
    const changes = Object.entries((d.changes ?? {}) as Record<string, unknown>).map(
      ([key, value]) =>
        key === 'assigneeUserId' ? `assignee → ${nameOf(value)}` : `${key} → ${value ?? 'none'}`,
    );
    return changes.length ? `Changed ${changes.join(', ')}${by}.` : `Updated${by}.`;
  }
  return type.replaceAll('_', ' ');
}

/**
 * The files customers sent with their email replies. Each link is the download route, which
 * checks the workspace and only ever serves the file as an attachment (never shown in place).
 */
function TicketAttachments(props: {
  ticketId: string;
  files: { id: string; filename: string; sizeBytes: number; createdAt: Date | string }[];
}) {
  return (
    <section aria-labelledby="ticket-files-title">
      <h3 id="ticket-files-title">Files from the customer</h3>
      <ul className="ticket__files">
        {props.files.map((file) => (
          <li key={file.id}>
            <a
              href={`/api/tickets/${props.ticketId}/attachments/${file.id}`}
              download={file.filename}
            >
              {file.filename}
            </a>{' '}
            <span className="muted">
              {fileSize(file.sizeBytes)} ·{' '}
              <time dateTime={isoOf(file.createdAt)}>{formatWhen(file.createdAt)}</time>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "2.5 MB", "900 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function SelectField(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  disabled: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Free text, so it is saved on Enter or when focus leaves, not on every key. */
function CategoryField(props: {
  category: string | null;
  onSave: (value: string) => void;
  disabled: boolean;
}) {
  const [value, setValue] = useState(props.category ?? '');
  const save = () => {
    if (value.trim() !== (props.category ?? '')) props.onSave(value);
  };
  return (
    <div className="field">
      <label htmlFor="ticket-category">Category</label>
      <input
        id="ticket-category"
        value={value}
        maxLength={60}
        disabled={props.disabled}
        placeholder="e.g. billing"
        onChange={(e) => setValue(e.currentTarget.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            save();
          }
        }}
      />
    </div>
  );
}

function ReplyForm(props: { ticketId: string; customerEmail: string; onSent: () => unknown }) {
  const trpc = useTRPC();
  const reply = useMutation(trpc.tickets.reply.mutationOptions({ onSuccess: props.onSent }));
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setDone(null);
    const content = String(new FormData(form).get('content') ?? '');
    const sent = await reply.mutateAsync({ ticketId: props.ticketId, content }).catch(() => null);
    if (!sent) return;
    form.reset();
    setDone(`Sent to ${props.customerEmail}.`);
  }

  return (
    <form className="form form--compact" onSubmit={onSubmit} aria-labelledby="ticket-reply-title">
      <h3 id="ticket-reply-title">Reply by email</h3>
      <div className="field">
        <label htmlFor="ticket-reply">Your reply to {props.customerEmail}</label>
        <textarea id="ticket-reply" name="content" rows={5} required maxLength={20_000} />
      </div>
      <SubmitRow
        label="Send email reply"
        pendingLabel="Sending…"
        pending={reply.isPending}
        error={reply.error?.message}
        done={done}
      />
    </form>
  );
}
