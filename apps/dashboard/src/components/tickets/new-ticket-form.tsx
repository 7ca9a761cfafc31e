'use client';

import { Field } from '@replyline/ui/field';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors } from '../widget/form-errors';
import { TICKET_PRIORITIES, type TicketPriority } from './ticket-filter';
import { useMembers } from './use-members';

/** The form's fields as `tickets.create` takes them: blank optional fields are left out. */
export function newTicketInput(data: FormData) {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const optional = (name: string) => text(name) || undefined;
  return {
    subject: text('subject'),
    customerEmail: text('customerEmail'),
    customerName: optional('customerName'),
    message: optional('message'),
    priority: (text('priority') || 'normal') as TicketPriority,
    category: optional('category'),
    assigneeUserId: optional('assigneeUserId'),
  };
}

/** A ticket made by hand: a phone call, an email to the team. */
export function NewTicketForm(props: {
  onCreated: (ticketId: string) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useMembers();
  const create = useMutation(trpc.tickets.create.mutationOptions());
  const errors = formErrors(create.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const made = await create
      .mutateAsync(newTicketInput(new FormData(event.currentTarget)))
      .catch(() => null);
    if (!made) return;
    await queryClient.invalidateQueries(trpc.tickets.list.pathFilter());
    props.onCreated(made.ticketId);
  }

  const error = (name: string) => errors.fields[name];
  return (
    <form className="form form--compact" onSubmit={onSubmit} aria-labelledby="new-ticket-title">
      <h2 id="new-ticket-title">New ticket</h2>
      <Field id="new-ticket-subject" label="Subject" error={error('subject')}>
        {(control) => <input {...control} name="subject" required maxLength={200} />}
      </Field>
      <Field id="new-ticket-email" label="Customer email" error={error('customerEmail')}>
        {(control) => (
          <input {...control} name="customerEmail" type="email" required maxLength={254} />
        )}
      </Field>
      <Field id="new-ticket-name" label="Customer name (optional)" error={error('customerName')}>
        {(control) => <input {...control} name="customerName" maxLength={200} />}
      </Field>
      <Field
        id="new-ticket-message"
        label="What they need (optional)"
        hint="Shown in the ticket and in the team's notification."
        error={error('message')}
      >
        {(control) => <textarea {...control} name="message" rows={4} maxLength={20_000} />}
      </Field>
      <Field id="new-ticket-priority" label="Priority">
        <select id="new-ticket-priority" name="priority" defaultValue="normal">
          {TICKET_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </Field>
      <Field id="new-ticket-category" label="Category (optional)" error={error('category')}>
        {(control) => <input {...control} name="category" maxLength={60} />}
      </Field>
      <Field id="new-ticket-assignee" label="Assignee">
        <select id="new-ticket-assignee" name="assigneeUserId" defaultValue="">
          <option value="">Unassigned</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </Field>
      <SubmitRow
        label="Create ticket"
        pendingLabel="Creating…"
        pending={create.isPending}
        error={errors.message}
        onCancel={props.onCancel}
      />
    </form>
  );
}
