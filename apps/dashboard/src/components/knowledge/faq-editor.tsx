'use client';

import type { AppRouter } from '@replyline/trpc';
import { Field } from '@replyline/ui/field';
import { FormStatus } from '@replyline/ui/form-status';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors, type FormErrors } from '../widget/form-errors';

export type FaqEntry = inferRouterOutputs<AppRouter>['knowledge']['faqEntries'][number];

interface Entry {
  question: string;
  answer: string;
}

/** Questions with the exact answer to give; searchable as soon as they are saved. */
export function FaqEditor({ canEdit, initial }: { canEdit: boolean; initial?: FaqEntry[] }) {
  const trpc = useTRPC();
  const entries = useQuery(
    trpc.knowledge.faqEntries.queryOptions(undefined, { initialData: initial }),
  );
  const [editing, setEditing] = useState<string | null>(null);

  if (entries.isPending) return <p className="muted">Loading FAQ entries…</p>;
  if (entries.isError) return <FormStatus error={entries.error.message} />;
  return (
    <div className="faq">
      {entries.data.length === 0 ? (
        <p className="empty">No FAQ entries yet.</p>
      ) : (
        <ul className="faq__list" aria-label="FAQ entries">
          {entries.data.map((entry) =>
            editing === entry.id ? (
              <li key={entry.id} className="faq__item">
                <EditEntry entry={entry} onClose={() => setEditing(null)} />
              </li>
            ) : (
              <li key={entry.id} className="faq__item" data-faq-entry-id={entry.id}>
                <p className="faq__question">{entry.question}</p>
                <p className="faq__answer">{entry.answer}</p>
                {canEdit && <EntryActions entry={entry} onEdit={() => setEditing(entry.id)} />}
              </li>
            ),
          )}
        </ul>
      )}
      {canEdit && <AddEntry />}
    </div>
  );
}

function useInvalidateFaq() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.knowledge.faqEntries.pathFilter()),
      queryClient.invalidateQueries(trpc.knowledge.list.pathFilter()),
    ]);
}

function EntryActions({ entry, onEdit }: { entry: Entry & { id: string }; onEdit: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateFaq();
  const remove = useMutation(trpc.knowledge.deleteFaq.mutationOptions({ onSuccess: invalidate }));
  return (
    <div className="actions">
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={onEdit}
        aria-label={`Edit "${entry.question}"`}
      >
        Edit
      </button>
      <button
        type="button"
        className="button button--quiet button--small button--danger"
        disabled={remove.isPending}
        aria-label={`Delete "${entry.question}"`}
        onClick={() => {
          if (window.confirm(`Delete the FAQ entry "${entry.question}"?`))
            remove.mutate({ faqEntryId: entry.id });
        }}
      >
        Delete
      </button>
      {remove.error && (
        <p role="alert" className="field__error">
          {remove.error.message}
        </p>
      )}
    </div>
  );
}

function EditEntry({ entry, onClose }: { entry: Entry & { id: string }; onClose: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateFaq();
  const update = useMutation(trpc.knowledge.updateFaq.mutationOptions());
  const errors = formErrors(update.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await update
      .mutateAsync({ faqEntryId: entry.id, entry: entryFrom(event.currentTarget) })
      .catch(() => null);
    if (!saved) return;
    await invalidate();
    onClose();
  }

  return (
    <EntryForm
      idPrefix={`faq-edit-${entry.id}`}
      entry={entry}
      errors={errors}
      errorPath="entry"
      busy={update.isPending}
      submitLabel="Save"
      onSubmit={onSubmit}
      onCancel={onClose}
    />
  );
}

function AddEntry() {
  const trpc = useTRPC();
  const invalidate = useInvalidateFaq();
  const add = useMutation(trpc.knowledge.addFaq.mutationOptions());
  const [done, setDone] = useState<string | null>(null);
  const errors = formErrors(add.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setDone(null);
    const result = await add.mutateAsync({ entries: [entryFrom(form)] }).catch(() => null);
    if (!result) return;
    form.reset();
    setDone(result.added ? 'Entry added.' : 'This entry was already there.');
    await invalidate();
  }

  return (
    <div className="faq__add">
      <h3>Add an entry</h3>
      <EntryForm
        idPrefix="faq-new"
        errors={errors}
        errorPath="entries.0"
        busy={add.isPending}
        submitLabel="Add entry"
        onSubmit={onSubmit}
        done={done}
      />
    </div>
  );
}

function entryFrom(form: HTMLFormElement): Entry {
  const data = new FormData(form);
  return { question: String(data.get('question') ?? ''), answer: String(data.get('answer') ?? '') };
}

function EntryForm(props: {
  idPrefix: string;
  entry?: Entry;
  errors: FormErrors;
  /** Where the entry sits in the procedure's input, for the field errors. */
  errorPath: string;
  busy: boolean;
  submitLabel: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel?: () => void;
  done?: string | null;
}) {
  const { idPrefix, errors } = props;
  const questionError = errors.fields[`${props.errorPath}.question`];
  const answerError = errors.fields[`${props.errorPath}.answer`];
  return (
    <form className="form form--compact" onSubmit={props.onSubmit}>
      <Field id={`${idPrefix}-question`} label="Question" error={questionError}>
        {(control) => (
          <input
            {...control}
            name="question"
            defaultValue={props.entry?.question}
            required
            minLength={3}
            maxLength={1_000}
          />
        )}
      </Field>
      <Field id={`${idPrefix}-answer`} label="Answer" error={answerError}>
        {(control) => (
          <textarea
            {...control}
            name="answer"
            defaultValue={props.entry?.answer}
            rows={3}
            required
            maxLength={20_000}
          />
        )}
      </Field>
      <SubmitRow
        label={props.submitLabel}
        pending={props.busy}
        error={errors.message}
        done={props.done}
        onCancel={props.onCancel}
      />
    </form>
  );
}
