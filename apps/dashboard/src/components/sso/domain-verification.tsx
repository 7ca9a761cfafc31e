'use client';

import { CopyButton } from '@replyline/ui/copy-button';
import { FormStatus } from '@replyline/ui/form-status';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors } from '../widget/form-errors';
import type { SsoConnectionView } from './sso-status';
import { useRefreshSso } from './use-sso';

/** The TXT record to publish on the domain, and the button that looks it up. */
export function DomainVerification({ connection }: { connection: SsoConnectionView }) {
  const trpc = useTRPC();
  const refresh = useRefreshSso();
  const verify = useMutation(trpc.sso.verifyDomain.mutationOptions({ onSuccess: refresh }));
  const [done, setDone] = useState<string | null>(null);
  const record = connection.verificationRecord;

  if (connection.domainVerifiedAt)
    return (
      <p className="form-status" role="status">
        {record.name} was verified on {new Date(connection.domainVerifiedAt).toUTCString()}. You may
        remove the TXT record now.
      </p>
    );

  async function onVerify() {
    setDone(null);
    const ok = await verify.mutateAsync().then(
      () => true,
      () => false,
    );
    if (ok) setDone(`${record.name} is verified.`);
  }

  return (
    <div className="form">
      <p>
        Add this DNS record at your domain host to prove that <strong>{record.name}</strong> is
        yours:
      </p>
      <dl className="record">
        <dt>Type</dt>
        <dd>
          <code>{record.type}</code>
        </dd>
        <dt>Name</dt>
        <dd>
          <code>{record.name}</code> (often written <code>@</code>)
        </dd>
        <dt>Value</dt>
        <dd>
          <code className="secret">{record.value}</code>
        </dd>
      </dl>
      <CopyButton text={record.value} what="Record value" />
      <FormStatus error={formErrors(verify.error).message} done={done} />
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={verify.isPending}
          onClick={() => void onVerify()}
        >
          {verify.isPending ? 'Looking it up…' : 'Verify domain'}
        </button>
      </div>
    </div>
  );
}
