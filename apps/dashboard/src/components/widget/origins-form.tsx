'use client';

import { listErrors, StringListEditor } from '@replyline/ui/string-list-editor';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useState, type FormEvent } from 'react';
import { useSaveWidget, type WidgetSectionProps } from './use-save-widget';
import { LIMITS } from './widget-settings';

/** The websites the widget may run on: the API refuses every other page's requests. */
export function OriginsForm({ settings, canEdit, onSaved }: WidgetSectionProps) {
  const [origins, setOrigins] = useState<string[]>(() => [...settings.allowedOrigins]);
  const { save, pending, errors, done, clearErrors } = useSaveWidget(onSaved);
  // The server stores origins, not what was typed ("shop.example/cart" → "https://shop.example"),
  // and the preview's "allow this dashboard" adds one: show the saved list whenever it changes.
  const saved = settings.allowedOrigins.join('\n');
  const [shown, setShown] = useState(saved);
  if (saved !== shown) {
    setShown(saved);
    setOrigins([...settings.allowedOrigins]);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    await save({ allowedOrigins: origins });
  }

  return (
    <form className="form form--compact" onSubmit={onSubmit} aria-label="Allowed websites">
      <StringListEditor
        id="allowedOrigins"
        legend="Allowed websites"
        itemLabel="Website"
        values={origins}
        onChange={setOrigins}
        onRemove={clearErrors}
        max={LIMITS.origins}
        maxLength={300}
        placeholder="https://shop.example"
        inputMode="url"
        hint="Each site where you paste the snippet, like https://shop.example. The http:// or https:// you type is kept (a bare localhost:3000 is http); page addresses are shortened to the site; wildcards are not accepted."
        {...listErrors(errors.fields, 'allowedOrigins', origins.length)}
        disabled={!canEdit}
      />
      {canEdit && (
        <SubmitRow label="Save websites" pending={pending} error={errors.message} done={done} />
      )}
    </form>
  );
}
