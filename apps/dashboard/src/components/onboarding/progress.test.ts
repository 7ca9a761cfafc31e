import { describe, expect, it } from 'vitest';
import {
  nextOpenStep,
  openSteps,
  stepHref,
  stepNumber,
  stepToShow,
  type OnboardingProgress,
  type StepState,
} from './progress';

function progress(
  workspace: StepState,
  branding: StepState,
  knowledge: StepState,
  embed: StepState,
): OnboardingProgress {
  return {
    steps: [
      { step: 'workspace', state: workspace },
      { step: 'branding', state: branding },
      { step: 'knowledge', state: knowledge },
      { step: 'embed', state: embed },
    ],
  };
}

describe('nextOpenStep', () => {
  it('starts at branding for a new workspace, whether or not step 1 was recorded', () => {
    expect(nextOpenStep(progress('pending', 'pending', 'pending', 'pending'))).toBe('branding');
    expect(nextOpenStep(progress('done', 'pending', 'pending', 'pending'))).toBe('branding');
  });

  it('resumes at the first step neither done nor skipped', () => {
    expect(nextOpenStep(progress('done', 'done', 'pending', 'pending'))).toBe('knowledge');
    expect(nextOpenStep(progress('done', 'skipped', 'pending', 'pending'))).toBe('knowledge');
    expect(nextOpenStep(progress('done', 'skipped', 'done', 'pending'))).toBe('embed');
  });

  it('goes back to an earlier open step when a later one was finished first', () => {
    expect(nextOpenStep(progress('done', 'pending', 'done', 'done'))).toBe('branding');
  });

  it('is null when every step is done or skipped', () => {
    expect(nextOpenStep(progress('done', 'skipped', 'done', 'skipped'))).toBeNull();
    expect(nextOpenStep(progress('pending', 'done', 'done', 'done'))).toBeNull();
  });

  it('treats a step missing from the answer as open', () => {
    expect(nextOpenStep({ steps: [{ step: 'branding', state: 'done' }] })).toBe('knowledge');
  });
});

describe('openSteps', () => {
  it('lists the open wizard steps in order', () => {
    expect(openSteps(progress('done', 'pending', 'skipped', 'pending'))).toEqual([
      'branding',
      'embed',
    ]);
  });
});

describe('stepToShow', () => {
  const midway = progress('done', 'done', 'pending', 'pending');

  it('shows the step a link asked for, even one already done', () => {
    expect(stepToShow(midway, 'branding')).toBe('branding');
    expect(stepToShow(midway, ['embed', 'branding'])).toBe('embed');
  });

  it('ignores unknown or missing steps and resumes instead', () => {
    expect(stepToShow(midway, undefined)).toBe('knowledge');
    expect(stepToShow(midway, 'workspace')).toBe('knowledge');
    expect(stepToShow(midway, 'payment')).toBe('knowledge');
    expect(stepToShow(progress('done', 'done', 'done', 'done'), undefined)).toBeNull();
  });
});

describe('step numbers and links', () => {
  it('counts the workspace as step 1', () => {
    expect(stepNumber('branding')).toBe(2);
    expect(stepNumber('embed')).toBe(4);
  });

  it('links to the wizard at a step', () => {
    expect(stepHref('knowledge')).toBe('/onboarding/steps?step=knowledge');
  });
});
