'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { errorAt, formErrors } from '~/components/widget/form-errors';
import { useTRPC } from '~/trpc/react';
import type { StepProps } from './branding-step';
import { StepActions } from './step-actions';

type Source = 'website' | 'faq';

/**
 * Step 3: what the assistant answers from. Importing the business's website comes first (most
 * businesses have one, and it is one field); typing a first question and answer is the other
 * way. Files and limits are on the Knowledge page.
 */
export function KnowledgeStep({ busy, onDone, onSkip }: StepProps) {
  const [source, setSource] = useState<Source>('website');
  return (
    <div className="knowledge-step">
      <div className="segmented" role="radiogroup" aria-label="Where your knowledge comes from">
        <SourceChoice current={source} value="website" onChoose={setSource}>
          Import from your website
        </SourceChoice>
        <SourceChoice current={source} value="faq" onChoose={setSource}>
          Type a question and answer
        </SourceChoice>
      </div>
      {source === 'website' ? (
        <WebsiteForm busy={busy} onDone={onDone} onSkip={onSkip} />
      ) : (
        <FirstFaqForm busy={busy} onDone={onDone} onSkip={onSkip} />
      )}
      <p className="hint">
        PDFs, Word files and more can be added on the <Link href="/knowledge">Knowledge page</Link>{' '}
        later.
      </p>
    </div>
  );
}

function SourceChoice({
  current,
  value,
  onChoose,
  children,
}: {
  current: Source;
  value: Source;
  onChoose: (value: Source) => void;
  children: string;
}) {
  return (
    <button
      type="button"
      role="radio"
      aria-checked={current === value}
      className={current === value ? 'button button--small' : 'button button--quiet button--small'}
      onClick={() => onChoose(value)}
    >
      {children}
    </button>
  );
}

function WebsiteForm({ busy, onDone, onSkip }: StepProps) {
  const trpc = useTRPC();
  const addWebsite = useMutation(trpc.knowledge.addWebsite.mutationOptions());
  const [url, setUrl] = useState('');
  const errors = formErrors(addWebsite.error);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const added = await addWebsite.mutateAsync({ url }).catch(() => null);
    if (added) await onDone();
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Import from your website">
      <div className="field">
        <label htmlFor="onboarding-website">Your website’s address</label>
        <input
          id="onboarding-website"
          name="url"
          type="text"
          inputMode="url"
          required
          placeholder="https://www.example.com"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-describedby="onboarding-website-hint"
        />
        <p id="onboarding-website-hint" className="hint">
          We read up to 200 pages of your site in the background and read them again every week.
          Pages your robots.txt disallows or marks noindex are left out.
        </p>
        {(errors.fields.url ?? errors.message) && (
          <p role="alert" className="field__error">
            {errors.fields.url ?? errors.message}
          </p>
        )}
      </div>
      <StepActions busy={busy || addWebsite.isPending} onSkip={onSkip} />
    </form>
  );
}

function FirstFaqForm({ busy, onDone, onSkip }: StepProps) {
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
    <form className="form" onSubmit={onSubmit} aria-label="Add your first question and answer">
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
      <StepActions busy={busy || addFaq.isPending} onSkip={onSkip} />
    </form>
  );
}
