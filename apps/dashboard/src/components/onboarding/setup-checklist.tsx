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
        <WidgetSeenStep seen={progress.widgetSeen === true} />
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

/**
 * The check no click can tick: green once the widget has loaded on one of the allowed
 * websites, the proof that the snippet is in place.
 */
function WidgetSeenStep({ seen }: { seen: boolean }) {
  return (
    <li className="checklist__step" data-state={seen ? 'done' : 'pending'} data-widget-seen="">
      <span>
        <Link href="/widget#websites">Widget seen on your site</Link>
        {!seen && (
          <span className="checklist__hint">
            Paste the snippet into a page of an allowed website and open that page.
          </span>
        )}
      </span>
      <span className="checklist__state">{seen ? 'Seen' : 'Waiting'}</span>
    </li>
  );
}
