'use client';

import type { FormEvent } from 'react';
import { EmbedSnippet } from '~/components/widget/embed-snippet';
import type { StepProps } from './branding-step';
import { StepActions } from './step-actions';

/** Step 4: the tag to paste into the site. Nothing to save: "done" means it was copied. */
export function EmbedStep({
  snippet,
  busy,
  onDone,
  onSkip,
}: StepProps & { snippet: string | null }) {
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void onDone();
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Copy the embed snippet">
      <EmbedSnippet snippet={snippet} />
      <StepActions busy={busy} onSkip={onSkip} />
    </form>
  );
}
