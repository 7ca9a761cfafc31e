'use client';

import { Field } from '@replyline/ui/field';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors } from '../widget/form-errors';

interface Period {
  from: Date;
  to: Date;
  timeZone: string;
}

/** Questions the bot could not answer, each one click from becoming an FAQ entry. */
export function UnansweredList({
  period,
  canEditKnowledge,
}: {
  period: Period;
  canEditKnowledge: boolean;
}) {
  const trpc = useTRPC();
  const unanswered = useQuery(trpc.analytics.unanswered.queryOptions({ ...period, limit: 20 }));
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (unanswered.isPending) return <p className="muted">Loading…</p>;
  if (unanswered.isError)
    return (
      <p role="alert" className="alert">
        {unanswered.error.message}
      </p>
    );
  return (
    <>
      <p role="status" className="form-status">
        {done ?? ''}
      </p>
      {unanswered.data.length === 0 ? (
        <p className="empty">Nothing unanswered in this period.</p>
      ) : (
        <ul className="unanswered">
          {unanswered.data.map((q) => (
            <li key={q.key} className="unanswered__item" data-question-key={q.key}>
              <div className="unanswered__line">
                <Link href={`/inbox?conversation=${q.conversationId}`}>{q.example}</Link>
                <span className="muted">asked {q.count}×</span>
                {canEditKnowledge && open !== q.key && (
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    onClick={() => {
                      setOpen(q.key);
                      setDone(null);
                    }}
                  >
                    Turn into FAQ
                  </button>
                )}
              </div>
              {open === q.key && (
                <FaqForm
                  question={q.example}
                  idPrefix={`faq-${encodeURIComponent(q.key).slice(0, 40)}`}
                  onCancel={() => setOpen(null)}
                  onDone={(message) => {
                    setOpen(null);
                    setDone(message);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function FaqForm(props: {
  question: string;
  idPrefix: string;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const turn = useMutation(trpc.analytics.turnIntoFaq.mutationOptions());
  const errors = formErrors(turn.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const result = await turn
      .mutateAsync({
        question: String(data.get('question') ?? ''),
        answer: String(data.get('answer') ?? ''),
      })
      .catch(() => null);
    if (!result) return;
    await queryClient.invalidateQueries(trpc.analytics.unanswered.pathFilter());
    props.onDone(
      result.duplicate
        ? 'That FAQ entry was already there.'
        : 'FAQ entry added: the assistant answers it from now on.',
    );
  }

  const { idPrefix } = props;
  return (
    <form className="form form--compact" onSubmit={onSubmit} aria-label="New FAQ entry">
      <Field id={`${idPrefix}-question`} label="Question" error={errors.fields.question}>
        {(control) => (
          <input
            {...control}
            name="question"
            defaultValue={props.question}
            required
            minLength={3}
            maxLength={1_000}
          />
        )}
      </Field>
      <Field id={`${idPrefix}-answer`} label="Answer" error={errors.fields.answer}>
        {(control) => (
          <textarea
            {...control}
            name="answer"
            rows={3}
            required
            maxLength={20_000}
            // The person clicked "Turn into FAQ" to write this answer.
            autoFocus
          />
        )}
      </Field>
      <SubmitRow
        label="Add to FAQ"
        pending={turn.isPending}
        error={errors.message}
        onCancel={props.onCancel}
      />
    </form>
  );
}
