'use client';

import type { AppRouter } from '@replyline/trpc';
import { FormStatus } from '@replyline/ui/form-status';
import { useMutation } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';

type PlaygroundResult = inferRouterOutputs<AppRouter>['knowledge']['playground'];
type Passage = PlaygroundResult['passages'][number];

/** Passages longer than this start folded, so five of them fit on a screen. */
const FOLDED_CHARS = 360;

/** Scores have no fixed scale (fused ranks, or keyword scores); three decimals tell close ones apart. */
export function formatScore(score: number | null): string {
  return score === null ? '–' : score.toFixed(3);
}

/** "Test the bot": ask as a visitor would, see the answer and what it was built from. */
export function Playground() {
  const trpc = useTRPC();
  const ask = useMutation(trpc.knowledge.playground.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const question = String(new FormData(event.currentTarget).get('question') ?? '').trim();
    if (question) ask.mutate({ question });
  }

  return (
    <div className="playground">
      <form className="form form--compact" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="playground-question">Question</label>
          <textarea
            id="playground-question"
            name="question"
            rows={2}
            required
            maxLength={2_000}
            placeholder="How much does a move cost?"
            aria-describedby="playground-hint"
            onKeyDown={(event) => {
              // Enter asks, as in the chat; Shift+Enter makes a new line.
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
          />
          <p id="playground-hint" className="hint">
            Nothing is stored: no conversation, no usage. Enter asks; Shift+Enter adds a line.
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={ask.isPending}>
            {ask.isPending ? 'Asking…' : 'Ask'}
          </button>
        </div>
      </form>
      <FormStatus error={ask.error?.message} />
      {ask.data && <PlaygroundAnswer result={ask.data} />}
    </div>
  );
}

export function PlaygroundAnswer({ result }: { result: PlaygroundResult }) {
  return (
    <div className="playground__result" aria-live="polite">
      <h3>Answer</h3>
      <p className="playground__answer" data-playground-answer="">
        {result.answer}
      </p>
      <p className="hint">
        Answered by the built-in extractive answerer ({result.model}), in {result.language}. With a
        language model configured, live answers are worded by the model from these same passages.
      </p>
      <h3>Passages used</h3>
      {result.passages.length === 0 ? (
        <p className="empty">
          Nothing in your knowledge matched. Add a document or FAQ entry that answers this.
        </p>
      ) : (
        <ol className="passages">
          {result.passages.map((passage) => (
            <PassageItem key={passage.n} passage={passage} />
          ))}
        </ol>
      )}
    </div>
  );
}

function PassageItem({ passage }: { passage: Passage }) {
  const long = passage.content.length > FOLDED_CHARS;
  const [open, setOpen] = useState(false);
  const where = [
    passage.documentTitle,
    passage.page !== null ? `page ${passage.page}` : null,
    passage.heading,
  ].filter(Boolean);
  return (
    <li
      className={passage.cited ? 'passage passage--cited' : 'passage'}
      data-passage-score={passage.score}
      data-cited={passage.cited ? 'true' : 'false'}
    >
      <div className="passage__head">
        <span className="passage__n">[{passage.n}]</span>
        <span className="passage__where">{where.join(' · ')}</span>
        {passage.link && (
          <a className="passage__link" href={passage.link} target="_blank" rel="noreferrer">
            Open the page
          </a>
        )}
        {passage.cited && <span className="status status--ready">Cited</span>}
      </div>
      <dl className="passage__scores">
        <div>
          <dt>Score</dt>
          <dd>{formatScore(passage.score)}</dd>
        </div>
        <div>
          <dt>Keyword</dt>
          <dd>{formatScore(passage.lexicalScore)}</dd>
        </div>
        <div>
          <dt>Meaning</dt>
          <dd>{formatScore(passage.vectorScore)}</dd>
        </div>
      </dl>
      <p className="passage__content" id={`passage-${passage.n}`}>
        {long && !open ? `${passage.content.slice(0, FOLDED_CHARS).trimEnd()}…` : passage.content}
      </p>
      {long && (
        <button
          type="button"
          className="button button--quiet button--small"
          aria-expanded={open}
          aria-controls={`passage-${passage.n}`}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Show less' : 'Show the whole passage'}
        </button>
      )}
    </li>
  );
}
