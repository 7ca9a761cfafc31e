'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { errorAt, formErrors } from '~/components/widget/form-errors';
import { useTRPC } from '~/trpc/react';
import type { StepProps } from './branding-step';
import { StepActions } from './step-actions';

/** Step 3: one FAQ entry, so the assistant can answer something; PDFs are on the Knowledge page. */
export function KnowledgeStep({ busy, onDone, onSkip }: StepProps) {
  const trpc = useTRPC();
  const addFaq = useMutation(trpc.knowledge.addFaq.mutationOptions());
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const errors = formErrors(addFaq.error);
  const fieldError = (name: 'question' | 'answer') => errorAt(errors, `entries.0.${name}`);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const added = await addFaq.mutateAsync({ entries: [{ question, answer }] }).catch(() => null);
    if (added) await onDone();
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Add your first knowledge">
      {errors.message && (
        <p role="alert" className="alert">
          {errors.message}
        </p>
      )}
      <div className="field">
        <label htmlFor="onboarding-question">A question your customers ask</label>
        <input
          id="onboarding-question"
          name="question"
          required
          minLength={3}
          maxLength={1_000}
          placeholder="Do you move on weekends?"
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
        />
        {fieldError('question') && <p className="field__error">{fieldError('question')}</p>}
      </div>
      <div className="field">
        <label htmlFor="onboarding-answer">Your answer</label>
        <textarea
          id="onboarding-answer"
          name="answer"
          required
          maxLength={20_000}
          rows={4}
          placeholder="Yes, Saturdays and Sundays at the weekday price."
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
        />
        {fieldError('answer') && <p className="field__error">{fieldError('answer')}</p>}
      </div>
      <p className="hint">
        Have a price list or handbook as a PDF? Upload it on the{' '}
        <Link href="/knowledge">Knowledge page</Link> later.
      </p>
      <StepActions busy={busy || addFaq.isPending} onSkip={onSkip} />
    </form>
  );
}
