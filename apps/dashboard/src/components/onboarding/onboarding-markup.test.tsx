import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SetupChecklist } from './setup-checklist';
import { StepActions } from './step-actions';

describe('the setup checklist', () => {
  it('shows each step’s state and links back into the wizard', () => {
    const html = renderToString(
      <SetupChecklist
        progress={{
          steps: [
            { step: 'workspace', state: 'done' },
            { step: 'branding', state: 'skipped' },
            { step: 'knowledge', state: 'pending' },
            { step: 'embed', state: 'done' },
          ],
        }}
      />,
    );
    expect(html).toContain('Finish setting up');
    expect(html).toContain('href="/onboarding/steps?step=knowledge"');
    expect(html).toMatch(/data-state="skipped".*Brand your chat widget.*Skipped/);
    expect(html).toMatch(/data-state="pending".*Add your first knowledge.*To do/);
    expect(html).toContain('href="/onboarding/steps"');
  });
});

describe('a step’s buttons', () => {
  it('offers "Save and continue" and "Skip", both disabled while saving', () => {
    const idle = renderToString(<StepActions busy={false} onSkip={() => {}} />);
    expect(idle).toMatch(/type="submit"[^>]*>Save and continue</);
    expect(idle).toMatch(/type="button"[^>]*>Skip</);
    const busy = renderToString(<StepActions busy onSkip={() => {}} />);
    expect(busy.match(/disabled=""/g)).toHaveLength(2);
  });
});
