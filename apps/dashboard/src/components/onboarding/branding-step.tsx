'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorAt, formErrors } from '~/components/widget/form-errors';
import { colorInputValue, type WidgetSettings } from '~/components/widget/widget-settings';
import { useTRPC } from '~/trpc/react';
import { StepActions } from './step-actions';

interface StepProps {
  busy: boolean;
  onDone: () => Promise<void>;
  onSkip: () => void;
}

/** Step 2: the widget's colour, the assistant's name and its first words. */
export function BrandingStep({
  widget,
  busy,
  onDone,
  onSkip,
}: StepProps & { widget: WidgetSettings }) {
  const trpc = useTRPC();
  const update = useMutation(trpc.widget.update.mutationOptions());
  const [primaryColor, setPrimaryColor] = useState(colorInputValue(widget.branding.primaryColor));
  const [assistantName, setAssistantName] = useState(widget.persona.assistantName);
  const [greeting, setGreeting] = useState(widget.branding.greeting);
  const errors = formErrors(update.error);
  // On Free the server refuses a changed colour; keep the saved one rather than fail the step.
  const colorAllowed = widget.customBrandingAllowed;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const saved = await update
      .mutateAsync({
        // Each section is saved whole: the rest of it stays as it is.
        branding: {
          ...widget.branding,
          primaryColor: colorAllowed ? primaryColor : widget.branding.primaryColor,
          greeting,
        },
        persona: { ...widget.persona, assistantName },
      })
      .catch(() => null);
    if (saved) await onDone();
  }

  const pending = busy || update.isPending;
  return (
    <form className="form" onSubmit={onSubmit} aria-label="Brand your chat widget">
      {errors.message && (
        <p role="alert" className="alert">
          {errors.message}
        </p>
      )}
      <div className="field">
        <label htmlFor="onboarding-color">Main colour</label>
        <input
          id="onboarding-color"
          name="primaryColor"
          type="color"
          value={primaryColor}
          disabled={!colorAllowed}
          aria-describedby={colorAllowed ? undefined : 'onboarding-color-hint'}
          onChange={(e) => setPrimaryColor(e.target.value)}
        />
        {!colorAllowed && (
          <p id="onboarding-color-hint" className="hint">
            Your own colours come with the Pro plan; the widget uses Replyline’s until then.
          </p>
        )}
        {errorAt(errors, 'branding.primaryColor') && (
          <p className="field__error">{errorAt(errors, 'branding.primaryColor')}</p>
        )}
      </div>
      <div className="field">
        <label htmlFor="onboarding-assistant">Assistant’s name</label>
        <input
          id="onboarding-assistant"
          name="assistantName"
          required
          maxLength={60}
          value={assistantName}
          onChange={(e) => setAssistantName(e.target.value)}
        />
        {errorAt(errors, 'persona.assistantName') && (
          <p className="field__error">{errorAt(errors, 'persona.assistantName')}</p>
        )}
      </div>
      <div className="field">
        <label htmlFor="onboarding-greeting">Greeting</label>
        <textarea
          id="onboarding-greeting"
          name="greeting"
          required
          maxLength={300}
          rows={3}
          value={greeting}
          onChange={(e) => setGreeting(e.target.value)}
        />
        <p className="hint">The first message visitors see when they open the chat.</p>
        {errorAt(errors, 'branding.greeting') && (
          <p className="field__error">{errorAt(errors, 'branding.greeting')}</p>
        )}
      </div>
      <StepActions busy={pending} onSkip={onSkip} />
    </form>
  );
}

export type { StepProps };
