'use client';

/** Every step's footer: its form's submit button and "Skip" (remembered as skipped). */
export function StepActions({
  busy,
  onSkip,
  saveLabel = 'Save and continue',
}: {
  busy: boolean;
  onSkip: () => void;
  saveLabel?: string;
}) {
  return (
    <div className="onboarding__actions">
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Saving…' : saveLabel}
      </button>
      <button type="button" className="button button--quiet" disabled={busy} onClick={onSkip}>
        Skip
      </button>
    </div>
  );
}
