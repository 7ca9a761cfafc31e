'use client';

import { Field } from '@replyline/ui/field';
import { FormStatus } from '@replyline/ui/form-status';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors } from '../widget/form-errors';

/** Where new tickets are posted (Slack-compatible), with the signing secret shown once. */
export function WebhookForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.settings.webhook.queryOptions());
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.settings.webhook.queryFilter()),
      queryClient.invalidateQueries(trpc.settings.auditLog.pathFilter()),
    ]);
  const save = useMutation(trpc.settings.setWebhook.mutationOptions({ onSuccess: refresh }));
  const clear = useMutation(trpc.settings.clearWebhook.mutationOptions({ onSuccess: refresh }));
  const [secret, setSecret] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errors = formErrors(save.error ?? clear.error);

  if (current.isPending) return <p className="muted">Loading…</p>;
  if (current.isError) return <FormStatus error={current.error.message} />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    setSecret(null);
    const url = String(new FormData(event.currentTarget).get('url') ?? '');
    const result = await save.mutateAsync({ url }).catch(() => null);
    if (!result) return;
    setSecret(result.secret);
    setDone('Saved. New tickets are posted to this address.');
  }

  async function onClear() {
    if (!window.confirm('Stop posting new tickets to this address?')) return;
    setSecret(null);
    const cleared = await clear.mutateAsync().then(
      () => true,
      () => false,
    );
    if (cleared) setDone('Webhook removed.');
  }

  const error = errors.fields.url;
  return (
    <form className="form form--compact" onSubmit={onSubmit} aria-label="Outgoing webhook">
      <Field
        id="webhook-url"
        label="Webhook URL"
        hint="An https address, e.g. a Slack incoming webhook. Saving makes a new signing secret."
        error={error}
      >
        {(control) => (
          <input
            {...control}
            key={current.data.url ?? ''}
            name="url"
            type="url"
            required
            maxLength={2000}
            placeholder="https://hooks.slack.com/services/…"
            defaultValue={current.data.url ?? ''}
          />
        )}
      </Field>
      {secret && (
        <div className="notice" role="status">
          <p>Signing secret (shown only now; requests carry a signature made with it):</p>
          <code className="secret">{secret}</code>
        </div>
      )}
      <SubmitRow
        label="Save webhook"
        pending={save.isPending}
        error={errors.message}
        done={secret ? null : done}
      >
        {current.data.url && (
          <button
            type="button"
            className="button button--quiet button--danger"
            disabled={clear.isPending}
            onClick={() => void onClear()}
          >
            Remove webhook
          </button>
        )}
      </SubmitRow>
    </form>
  );
}
