import Link from 'next/link';
import {
  STEP_LABELS,
  stateOf,
  stepHref,
  WIZARD_STEPS,
  type OnboardingProgress,
  type StepState,
} from './progress';
import './onboarding.css';

const STATE_LABELS: Record<StepState, string> = {
  done: 'Done',
  skipped: 'Skipped',
  pending: 'To do',
};

/** The dashboard home's "Finish setting up" card: each step with a link back into the wizard. */
export function SetupChecklist({ progress }: { progress: OnboardingProgress }) {
  return (
    <section className="checklist" aria-labelledby="checklist-title" data-setup-checklist="">
      <h2 id="checklist-title">Finish setting up</h2>
      <p className="muted">A few minutes, and your assistant is answering on your website.</p>
      <ol className="checklist__steps">
        <li className="checklist__step" data-state="done">
          <span>{STEP_LABELS.workspace}</span>
          <span className="checklist__state">{STATE_LABELS.done}</span>
        </li>
        {WIZARD_STEPS.map((step) => {
          const state = stateOf(progress, step);
          return (
            <li key={step} className="checklist__step" data-state={state}>
              <Link href={stepHref(step)}>{STEP_LABELS[step]}</Link>
              <span className="checklist__state">{STATE_LABELS[state]}</span>
            </li>
          );
        })}
      </ol>
      <div className="onboarding__actions">
        <Link href="/onboarding/steps" className="button">
          Continue setup
        </Link>
        <Link href="/inbox" className="button button--quiet">
          Go to the inbox
        </Link>
      </div>
    </section>
  );
}
