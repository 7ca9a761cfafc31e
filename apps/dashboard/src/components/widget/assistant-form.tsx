'use client';

import { Field } from '@replyline/ui/field';
import { listErrors, StringListEditor } from '@replyline/ui/string-list-editor';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useEffect, useState, type FormEvent } from 'react';
import { errorAt } from './form-errors';
import { useSaveWidget, type WidgetSectionProps } from './use-save-widget';
import { LANGUAGES, LIMITS, personaForm, type Language, type PersonaForm } from './widget-settings';

/** The assistant's name, tone, standing instructions, refused topics, and its language. */
export function AssistantForm({ settings, canEdit, onSaved, onDraft }: WidgetSectionProps) {
  const [persona, setPersona] = useState<PersonaForm>(() => personaForm(settings.persona));
  const [language, setLanguage] = useState(settings.language);
  useEffect(() => onDraft?.({ persona, language }), [persona, language, onDraft]);
  const { save, pending, errors, done, clearErrors } = useSaveWidget(onSaved);
  const set = <K extends keyof PersonaForm>(key: K, value: PersonaForm[K]) =>
    setPersona((current) => ({ ...current, [key]: value }));
  const err = (field: keyof PersonaForm) => errorAt(errors, `persona.${field}`);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save({ persona, language: language as Language });
  }

  const hints = {
    tone: 'A few words, e.g. “friendly and brief”.',
    instructions: 'Standing rules, e.g. “Always mention free cancellation up to 7 days before.”',
    language:
      'What visitors are answered in when their own language is unclear, and what your knowledge is searched in.',
  };
  return (
    <form className="form form--compact" onSubmit={onSubmit} aria-label="Assistant">
      <fieldset className="form-section" disabled={!canEdit}>
        <legend>Persona</legend>
        <div className="form-grid">
          <Field id="persona-assistantName" label="Assistant’s name" error={err('assistantName')}>
            {(control) => (
              <input
                {...control}
                required
                maxLength={LIMITS.assistantName}
                value={persona.assistantName}
                onChange={(event) => set('assistantName', event.target.value)}
              />
            )}
          </Field>
          <Field id="persona-tone" label="Tone" hint={hints.tone} error={err('tone')}>
            {(control) => (
              <input
                {...control}
                required
                maxLength={LIMITS.tone}
                value={persona.tone}
                onChange={(event) => set('tone', event.target.value)}
              />
            )}
          </Field>
        </div>
        <Field
          id="persona-instructions"
          label="Instructions (optional)"
          hint={hints.instructions}
          error={err('instructions')}
        >
          {(control) => (
            <textarea
              {...control}
              rows={4}
              maxLength={LIMITS.instructions}
              value={persona.instructions}
              onChange={(event) => set('instructions', event.target.value)}
            />
          )}
        </Field>
        <StringListEditor
          id="persona-refusedTopics"
          legend="Topics the assistant refuses"
          itemLabel="Refused topic"
          values={persona.refusedTopics}
          onChange={(values) => set('refusedTopics', values)}
          onRemove={clearErrors}
          max={LIMITS.refusedTopics}
          maxLength={LIMITS.refusedTopic}
          placeholder="Legal advice"
          hint="Questions about these get a polite refusal and an offer to reach your team."
          {...listErrors(errors.fields, 'persona.refusedTopics', persona.refusedTopics.length)}
        />
      </fieldset>
      <fieldset className="form-section" disabled={!canEdit}>
        <legend>Language</legend>
        <Field
          id="widget-language"
          label="Main language"
          hint={hints.language}
          error={errors.fields.language}
        >
          {(control) => (
            <select
              {...control}
              value={language}
              onChange={(event) => setLanguage(event.target.value)}
            >
              {LANGUAGES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      {canEdit && (
        <SubmitRow label="Save assistant" pending={pending} error={errors.message} done={done} />
      )}
    </form>
  );
}
