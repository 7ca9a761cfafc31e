'use client';

import { Field } from '@replyline/ui/field';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors } from '../widget/form-errors';
import type { SsoConnectionView } from './sso-status';
import { useRefreshSso } from './use-sso';

/**
 * The identity provider's details. The client secret is write-only: the field stays empty and
 * saving without it keeps the stored one.
 */
export function SsoConnectionForm({
  connection,
  callbackBase,
}: {
  connection: SsoConnectionView | null;
  callbackBase: string;
}) {
  const trpc = useTRPC();
  const save = useMutation(trpc.sso.save.mutationOptions({ onSuccess: useRefreshSso() }));
  const [done, setDone] = useState<string | null>(null);
  const errors = formErrors(save.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const role = text('autoJoinRole');
    const saved = await save
      .mutateAsync({
        issuer: text('issuer'),
        clientId: text('clientId'),
        clientSecret: text('clientSecret') || undefined,
        emailDomain: text('emailDomain'),
        autoJoinRole: role === 'agent' || role === 'admin' ? role : null,
      })
      .then(
        () => true,
        () => false,
      );
    if (saved) setDone('Saved. We checked your identity provider’s configuration.');
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Identity provider">
      <p className="hint">
        In your identity provider, create an OpenID Connect web application with the redirect URI{' '}
        <code>{callbackBase}</code> and the scopes <code>openid email profile</code>.
      </p>
      <Field
        id="sso-issuer"
        label="Issuer URL"
        hint="Its discovery document must be at /.well-known/openid-configuration under this address."
        error={errors.fields.issuer}
      >
        {(control) => (
          <input
            {...control}
            name="issuer"
            type="url"
            required
            maxLength={2000}
            placeholder="https://login.example.com"
            defaultValue={connection?.issuer ?? ''}
          />
        )}
      </Field>
      <Field id="sso-client-id" label="Client ID" error={errors.fields.clientId}>
        {(control) => (
          <input
            {...control}
            name="clientId"
            required
            maxLength={500}
            defaultValue={connection?.clientId ?? ''}
          />
        )}
      </Field>
      <Field
        id="sso-client-secret"
        label="Client secret"
        hint={
          connection?.hasClientSecret
            ? 'A secret is stored (it is never shown). Leave empty to keep it.'
            : 'Stored encrypted and never shown again.'
        }
        error={errors.fields.clientSecret}
      >
        {(control) => (
          <input
            {...control}
            name="clientSecret"
            type="password"
            autoComplete="off"
            required={!connection?.hasClientSecret}
            maxLength={2000}
          />
        )}
      </Field>
      <Field
        id="sso-domain"
        label="Email domain"
        hint="People with addresses at this domain sign in through your identity provider. Changing it means verifying it again."
        error={errors.fields.emailDomain}
      >
        {(control) => (
          <input
            {...control}
            name="emailDomain"
            required
            maxLength={253}
            placeholder="example.com"
            defaultValue={connection?.emailDomain ?? ''}
          />
        )}
      </Field>
      <Field
        id="sso-auto-join"
        label="New people from this domain"
        hint="With auto-join, anyone your identity provider signs in becomes a member without an invitation."
      >
        {(control) => (
          <select {...control} name="autoJoinRole" defaultValue={connection?.autoJoinRole ?? ''}>
            <option value="">Need an invitation</option>
            <option value="agent">Join automatically as agents</option>
            <option value="admin">Join automatically as admins</option>
          </select>
        )}
      </Field>
      <SubmitRow
        label="Save"
        pendingLabel="Checking your provider…"
        pending={save.isPending}
        error={errors.message}
        done={done}
      />
    </form>
  );
}
