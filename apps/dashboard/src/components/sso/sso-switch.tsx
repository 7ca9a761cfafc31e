'use client';

import { FormStatus } from '@replyline/ui/form-status';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import { formErrors } from '../widget/form-errors';
import { ssoStatus, type SsoSettings } from './sso-status';
import { useRefreshSso } from './use-sso';

/** What sign-in does now, with switch off/on and remove. */
export function SsoSwitch({ settings }: { settings: SsoSettings }) {
  const trpc = useTRPC();
  const refresh = useRefreshSso();
  const setEnabled = useMutation(trpc.sso.setEnabled.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.sso.delete.mutationOptions({ onSuccess: refresh }));
  const status = ssoStatus(settings);
  const connection = settings.connection;

  function onRemove() {
    if (!window.confirm('Remove single sign-on? People will sign in with email links again.'))
      return;
    remove.mutate();
  }

  return (
    <div className="form">
      <p role="status">
        <strong>{status.label}.</strong> {status.detail}
      </p>
      <FormStatus error={formErrors(setEnabled.error ?? remove.error).message} />
      {connection && (
        <div className="actions">
          <button
            type="button"
            className="button button--quiet"
            disabled={setEnabled.isPending || (!connection.enabled && !settings.planIncludesSso)}
            onClick={() => setEnabled.mutate({ enabled: !connection.enabled })}
          >
            {connection.enabled ? 'Switch off' : 'Switch on'}
          </button>
          <button
            type="button"
            className="button button--quiet button--danger"
            disabled={remove.isPending}
            onClick={onRemove}
          >
            Remove single sign-on
          </button>
        </div>
      )}
    </div>
  );
}
