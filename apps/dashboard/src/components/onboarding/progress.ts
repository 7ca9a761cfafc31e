import type { Route } from 'next';

/** The checklist's steps, in order; the same names as the API's `onboarding` router. */
export const ONBOARDING_STEPS = ['workspace', 'branding', 'knowledge', 'embed'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];
export type StepState = 'done' | 'skipped' | 'pending';

/** The steps after the workspace exists: the wizard at /onboarding/steps walks these. */
export const WIZARD_STEPS = ['branding', 'knowledge', 'embed'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** What `onboarding.get` and `onboarding.markStep` return. */
export interface OnboardingProgress {
  steps: { step: OnboardingStep; state: StepState }[];
  /** The widget has loaded on one of the allowed websites: set by the site, not by a click. */
  widgetSeen?: boolean;
}

export const STEP_LABELS: Record<OnboardingStep, string> = {
  workspace: 'Create your workspace',
  branding: 'Brand your chat widget',
  knowledge: 'Add your first knowledge',
  embed: 'Copy the embed snippet',
};

export function stateOf(progress: OnboardingProgress, step: OnboardingStep): StepState {
  return progress.steps.find((s) => s.step === step)?.state ?? 'pending';
}

/**
 * The wizard steps still open (neither done nor skipped), in order. The workspace step is
 * left out: anyone reaching the wizard or the dashboard already has a workspace.
 */
export function openSteps(progress: OnboardingProgress): WizardStep[] {
  return WIZARD_STEPS.filter((step) => stateOf(progress, step) === 'pending');
}

/** Where the wizard resumes: the first open step, or null when there is nothing left to do. */
export function nextOpenStep(progress: OnboardingProgress): WizardStep | null {
  return openSteps(progress)[0] ?? null;
}

export function isWizardStep(value: unknown): value is WizardStep {
  return typeof value === 'string' && (WIZARD_STEPS as readonly string[]).includes(value);
}

/**
 * The step to show: the one a checklist link asked for (`?step=`, so a done or skipped step
 * can be revisited), otherwise where the wizard resumes.
 */
export function stepToShow(progress: OnboardingProgress, requested: unknown): WizardStep | null {
  const asked = Array.isArray(requested) ? (requested as unknown[])[0] : requested;
  return isWizardStep(asked) ? asked : nextOpenStep(progress);
}

/** "Step 2 of 4": the workspace was step 1. */
export function stepNumber(step: WizardStep): number {
  return ONBOARDING_STEPS.indexOf(step) + 1;
}

export function stepHref(step: WizardStep): Route {
  return `/onboarding/steps?step=${step}` as Route;
}
