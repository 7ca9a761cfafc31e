'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { WidgetSettings } from '~/components/widget/widget-settings';
import { useTRPC } from '~/trpc/react';
import { BrandingStep } from './branding-step';
import { EmbedStep } from './embed-step';
import { KnowledgeStep } from './knowledge-step';
import {
  nextOpenStep,
  ONBOARDING_STEPS,
  STEP_LABELS,
  stepHref,
  stepNumber,
  type WizardStep,
} from './progress';

const INTROS: Record<WizardStep, string> = {
  branding: 'How the chat looks and greets your visitors. You can change all of it later.',
  knowledge: 'The assistant answers only from what you give it. Start with one common question.',
  embed: 'Paste this once into your website and the chat appears on every page.',
};

/**
 * Steps 2–4 of onboarding. Each step, saved or skipped, is recorded on the server, and the
 * wizard moves on to the first step still open; when none is, the dashboard opens.
 */
export function OnboardingWizard({
  initialStep,
  initialWidget,
}: {
  initialStep: WizardStep;
  initialWidget: WidgetSettings | undefined;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [step, setStep] = useState<WizardStep>(initialStep);
  const [leaving, setLeaving] = useState(false);
  const widget = useQuery(trpc.widget.get.queryOptions(undefined, { initialData: initialWidget }));
  const mark = useMutation(trpc.onboarding.markStep.mutationOptions());

  async function finish(value: 'done' | 'skipped') {
    const progress = await mark.mutateAsync({ step, value }).catch(() => null);
    if (!progress) return;
    const next = nextOpenStep(progress);
    if (next) {
      setStep(next);
      // A reload resumes here too, not at a step a checklist link named.
      window.history.replaceState(null, '', stepHref(next));
      return;
    }
    setLeaving(true);
    router.push('/inbox');
  }

  const busy = mark.isPending || leaving;
  const props = { busy, onDone: () => finish('done'), onSkip: () => void finish('skipped') };
  return (
    <section data-onboarding-step={step} aria-labelledby="onboarding-step-title">
      <p className="eyebrow">
        Step {stepNumber(step)} of {ONBOARDING_STEPS.length}
      </p>
      <h1 id="onboarding-step-title">{STEP_LABELS[step]}</h1>
      <p className="muted">{INTROS[step]}</p>
      {mark.error && (
        <p role="alert" className="alert">
          {mark.error.message}
        </p>
      )}
      {step === 'branding' &&
        (widget.data ? (
          <BrandingStep key="branding" widget={widget.data} {...props} />
        ) : (
          <WidgetState failed={widget.isError} />
        ))}
      {step === 'knowledge' && <KnowledgeStep key="knowledge" {...props} />}
      {step === 'embed' &&
        (widget.data ? (
          <EmbedStep key="embed" snippet={widget.data.embedSnippet} {...props} />
        ) : (
          <WidgetState failed={widget.isError} />
        ))}
    </section>
  );
}

function WidgetState({ failed }: { failed: boolean }) {
  return failed ? (
    <p role="alert" className="alert">
      Could not load the widget’s settings. Reload the page to try again.
    </p>
  ) : (
    <p className="muted">Loading…</p>
  );
}
