'use client';

import { Field } from '@replyline/ui/field';
import { FormStatus } from '@replyline/ui/form-status';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { UpgradeHint, usePlanAllows } from '../billing/plan-gate';
import { formErrors } from '../widget/form-errors';

/** How long conversations are kept; the nightly retention run deletes older ones. */
export function RetentionForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.settings.retention.queryOptions());
  const save = useMutation(trpc.settings.setRetention.mutationOptions());
  const [done, setDone] = useState<string | null>(null);
  const [keepForever, setKeepForever] = useState<boolean | null>(null);
  const errors = formErrors(save.error);
  const allowed = usePlanAllows('retention');

  if (current.isPending) return <p className="muted">Loading…</p>;
  if (current.isError) return <FormStatus error={current.error.message} />;
  if (allowed === false) return <RetentionLocked days={current.data.days} />;
  const forever = keepForever ?? current.data.days === null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const days = forever ? null : Number(new FormData(event.currentTarget).get('days'));
    const saved = await save.mutateAsync({ days }).then(
      () => true,
      () => false,
    );
    if (!saved) return;
    await queryClient.invalidateQueries(trpc.settings.retention.queryFilter());
    await queryClient.invalidateQueries(trpc.settings.auditLog.pathFilter());
    setDone(
      days === null
        ? 'Conversations are kept until deleted.'
        : `Conversations are kept for ${days} days.`,
    );
  }

  const error = errors.fields.days;
  return (
    <form className="form form--compact" onSubmit={onSubmit} aria-label="Data retention">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={forever}
          onChange={(e) => setKeepForever(e.currentTarget.checked)}
        />{' '}
        Keep conversations until they are deleted by hand
      </label>
      {!forever && (
        <Field
          id="retention-days"
          label="Delete conversations older than (days)"
          hint="Between 1 and 3650. Applied every night; deleted conversations cannot be restored."
          error={error}
        >
          {(control) => (
            <input
              {...control}
              name="days"
              type="number"
              inputMode="numeric"
              min={1}
              max={3650}
              step={1}
              required
              defaultValue={current.data.days ?? 365}
              className="input--short"
            />
          )}
        </Field>
      )}
      <SubmitRow
        label="Save retention"
        pending={save.isPending}
        error={errors.message}
        done={done}
      />
    </form>
  );
}

/** After a downgrade the setting is kept but not applied; it applies again on Business. */
function RetentionLocked({ days }: { days: number | null }) {
  return (
    <UpgradeHint feature="retention">
      {days === null
        ? 'Conversations are kept until they are deleted by hand.'
        : `Your setting (delete after ${days} days) is kept but paused: nothing is deleted on this plan.`}
    </UpgradeHint>
  );
}
