'use client';

import { DataTable, ACTIONS_COLUMN } from '@replyline/ui/data-table';
import { Field } from '@replyline/ui/field';
import { FormStatus } from '@replyline/ui/form-status';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors } from '../widget/form-errors';

/** Saved replies the team inserts with "/shortcut" in the inbox: listed, added, changed, removed. */
export function CannedReplies() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.cannedReplies.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.cannedReplies.list.queryFilter());
  const remove = useMutation(trpc.cannedReplies.delete.mutationOptions({ onSuccess: refresh }));
  const [editing, setEditing] = useState<string | null>(null);

  if (list.isPending) return <p className="muted">Loading…</p>;
  if (list.isError) return <FormStatus error={list.error.message} />;
  const current = list.data.find((reply) => reply.id === editing) ?? null;
  return (
    <>
      <DataTable
        className="canned-table"
        columns={['Shortcut', 'Reply', ACTIONS_COLUMN]}
        rows={list.data}
        empty={<p className="empty">No canned replies yet. Add the answers you type most.</p>}
        renderRow={(reply) => (
          <tr key={reply.id} data-canned-reply={reply.shortcut}>
            <td>
              <code>/{reply.shortcut}</code>
            </td>
            <td>
              <strong>{reply.title}</strong>
              <span className="canned-table__body muted">{reply.body}</span>
            </td>
            <td className="canned-table__actions">
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => setEditing(reply.id)}
              >
                Edit
              </button>
              <button
                type="button"
                className="button button--quiet button--small button--danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ id: reply.id })}
              >
                Delete
              </button>
            </td>
          </tr>
        )}
      />
      <FormStatus error={remove.error?.message} />
      <CannedReplyForm
        key={current?.id ?? 'new'}
        reply={current}
        onDone={() => {
          setEditing(null);
          return refresh();
        }}
      />
    </>
  );
}

function CannedReplyForm(props: {
  reply: { id: string; shortcut: string; title: string; body: string } | null;
  onDone: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.cannedReplies.create.mutationOptions());
  const update = useMutation(trpc.cannedReplies.update.mutationOptions());
  const pending = props.reply ? update : create;
  const errors = formErrors(pending.error);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      shortcut: String(data.get('shortcut') ?? ''),
      title: String(data.get('title') ?? ''),
      body: String(data.get('body') ?? ''),
    };
    const saved = await (
      props.reply ? update.mutateAsync({ id: props.reply.id, ...input }) : create.mutateAsync(input)
    ).catch(() => null);
    if (!saved) return;
    form.reset();
    setDone(`Saved. Type /${saved.shortcut} in a reply to use it.`);
    await props.onDone();
  }

  return (
    <form
      className="form form--compact"
      onSubmit={onSubmit}
      aria-label={props.reply ? 'Edit canned reply' : 'New canned reply'}
    >
      <Field
        id="canned-shortcut"
        label="Shortcut"
        hint="One word, typed after / in the reply box."
        error={errors.fields.shortcut}
      >
        {(control) => (
          <input
            {...control}
            name="shortcut"
            required
            maxLength={40}
            placeholder="refund"
            defaultValue={props.reply?.shortcut}
          />
        )}
      </Field>
      <Field id="canned-title" label="Title" error={errors.fields.title}>
        {(control) => (
          <input
            {...control}
            name="title"
            required
            maxLength={120}
            placeholder="How refunds work"
            defaultValue={props.reply?.title}
          />
        )}
      </Field>
      <Field
        id="canned-body"
        label="Reply"
        hint="Markdown works: **bold**, lists, [links](https://…)."
        error={errors.fields.body}
      >
        {(control) => (
          <textarea
            {...control}
            name="body"
            required
            rows={4}
            maxLength={4000}
            defaultValue={props.reply?.body}
          />
        )}
      </Field>
      <SubmitRow
        label={props.reply ? 'Save changes' : 'Add canned reply'}
        pending={pending.isPending}
        error={errors.message}
        done={done}
      />
    </form>
  );
}
