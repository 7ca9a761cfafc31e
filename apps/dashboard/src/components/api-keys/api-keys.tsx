'use client';

import { CopyButton } from '@replyline/ui/copy-button';
import { ACTIONS_COLUMN, DataTable } from '@replyline/ui/data-table';
import { Field } from '@replyline/ui/field';
import { FormStatus } from '@replyline/ui/form-status';
import { Panel } from '@replyline/ui/panel';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors } from '../widget/form-errors';

const COLUMNS = ['Name', 'Scope', 'Key', 'Created', 'Last used', ACTIONS_COLUMN] as const;

const when = (value: Date | string | null) => (value ? new Date(value).toLocaleString() : 'Never');

/** The workspace's secret keys: a form to make one (shown once) and the list to revoke them. */
export function ApiKeys({ apiUrl }: { apiUrl: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.apiKeys.list.queryFilter());
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));
  const [shown, setShown] = useState<{ name: string; keyText: string } | null>(null);
  const errors = formErrors(create.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setShown(null);
    const form = new FormData(event.currentTarget);
    const scope = form.get('scope') === 'write' ? 'write' : 'read';
    const made = await create
      .mutateAsync({ name: String(form.get('name') ?? ''), scope })
      .catch(() => null);
    if (made) setShown({ name: made.name, keyText: made.key });
  }

  async function onRevoke(id: string, name: string) {
    if (!window.confirm(`Revoke “${name}”? Systems using it are refused from the next request.`))
      return;
    await revoke.mutateAsync({ keyId: id }).catch(() => null);
  }

  return (
    <>
      <Panel
        id="new-key"
        title="New secret key"
        description="A read key may only read; a write key may also add, change and delete knowledge."
      >
        <form className="form form--compact" onSubmit={onSubmit} aria-label="New secret key">
          <Field
            id="key-name"
            label="Name"
            hint="What uses it, e.g. “Shop FAQ sync”."
            error={errors.fields.name}
          >
            {(control) => <input {...control} name="name" required maxLength={80} />}
          </Field>
          <Field id="key-scope" label="Scope">
            {(control) => (
              <select {...control} name="scope" defaultValue="read">
                <option value="read">Read</option>
                <option value="write">Read and write</option>
              </select>
            )}
          </Field>
          {shown && <NewKeyNotice {...shown} />}
          <SubmitRow
            label="Create key"
            pendingLabel="Creating…"
            pending={create.isPending}
            error={errors.message}
          />
        </form>
      </Panel>
      <Panel
        id="keys"
        title="Keys"
        description={`Send a key as “Authorization: Bearer sk_…” to ${apiUrl}/v1/manage/…; the API is described at ${apiUrl}/v1/openapi.json.`}
      >
        {keys.isPending ? (
          <p className="muted">Loading…</p>
        ) : keys.isError ? (
          <FormStatus error={keys.error.message} />
        ) : (
          <DataTable
            columns={COLUMNS}
            rows={keys.data}
            empty={<p className="muted">No keys yet.</p>}
            renderRow={(key) => (
              <KeyRow
                key={key.id}
                apiKey={key}
                revoking={revoke.isPending}
                onRevoke={() => void onRevoke(key.id, key.name)}
              />
            )}
          />
        )}
        {revoke.error && <FormStatus error={revoke.error.message} />}
      </Panel>
    </>
  );
}

/** The new key, shown once: after this it exists only as a hash. */
export function NewKeyNotice({ name, keyText }: { name: string; keyText: string }) {
  return (
    <div className="notice" role="status" data-new-key>
      <p>
        Secret key “{name}”, shown only now. Store it in your system’s secret settings; it cannot be
        shown again.
      </p>
      <code className="secret">{keyText}</code>
      <CopyButton text={keyText} what="Secret key" />
    </div>
  );
}

export interface ApiKeySummary {
  id: string;
  name: string;
  scope: 'read' | 'write';
  lastFour: string;
  createdAt: Date | string;
  lastUsedAt: Date | string | null;
  revokedAt: Date | string | null;
}

/** One key: never its secret, only its last four characters. */
export function KeyRow({
  apiKey,
  revoking,
  onRevoke,
}: {
  apiKey: ApiKeySummary;
  revoking: boolean;
  onRevoke: () => void;
}) {
  return (
    <tr data-api-key={apiKey.id}>
      <td>{apiKey.name}</td>
      <td>{apiKey.scope === 'write' ? 'Read and write' : 'Read'}</td>
      <td>
        <code>{`sk_…${apiKey.lastFour}`}</code>
      </td>
      <td>{when(apiKey.createdAt)}</td>
      <td>{when(apiKey.lastUsedAt)}</td>
      <td>
        {apiKey.revokedAt ? (
          <span className="muted">Revoked {when(apiKey.revokedAt)}</span>
        ) : (
          <button
            type="button"
            className="button button--quiet button--danger button--small"
            disabled={revoking}
            onClick={onRevoke}
          >
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}
