'use client';

import { FormStatus } from '@replyline/ui/form-status';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { jsonFile, saveFile } from '../inbox/download';
import {
  confirmationMatches,
  customerExportFilename,
  customerInput,
  describeErasure,
  type CustomerKind,
} from './customer-request';

/** A customer's data rights: a copy of everything (JSON), or erasure after a confirmation. */
export function CustomerData() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshAudit = () => queryClient.invalidateQueries(trpc.settings.auditLog.pathFilter());
  const exportData = useMutation(
    trpc.settings.exportCustomer.mutationOptions({ onSuccess: refreshAudit }),
  );
  const erase = useMutation(
    trpc.settings.deleteCustomer.mutationOptions({ onSuccess: refreshAudit }),
  );
  const [kind, setKind] = useState<CustomerKind>('email');
  const [value, setValue] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const error = exportData.error?.message ?? erase.error?.message ?? null;
  const what = kind === 'email' ? 'email address' : 'visitor id';

  function reset() {
    setConfirming(false);
    setTyped('');
    setDone(null);
    exportData.reset();
    erase.reset();
  }

  async function onExport(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const data = await exportData.mutateAsync(customerInput(kind, value)).catch(() => null);
    if (!data) return;
    saveFile(jsonFile(data), customerExportFilename(value));
    setDone(
      `Downloaded: ${data.conversations.length} conversations, ${data.tickets.length} tickets.`,
    );
  }

  async function onErase(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmationMatches(kind, value, typed)) return;
    const counts = await erase.mutateAsync(customerInput(kind, value)).catch(() => null);
    if (!counts) return;
    setConfirming(false);
    setTyped('');
    setDone(describeErasure({ ...counts }));
  }

  return (
    <div className="customer-data">
      <form className="form form--compact" onSubmit={onExport} aria-label="Find a customer">
        <fieldset className="inline-choice">
          <legend>Find the customer by</legend>
          <label>
            <input
              type="radio"
              name="customer-kind"
              checked={kind === 'email'}
              onChange={() => {
                setKind('email');
                reset();
              }}
            />{' '}
            Email address
          </label>
          <label>
            <input
              type="radio"
              name="customer-kind"
              checked={kind === 'visitorId'}
              onChange={() => {
                setKind('visitorId');
                reset();
              }}
            />{' '}
            Visitor id
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="customer-value">
            {kind === 'email' ? 'Email address' : 'Visitor id'}
          </label>
          <input
            id="customer-value"
            name="customer"
            type={kind === 'email' ? 'email' : 'text'}
            required
            maxLength={kind === 'email' ? 254 : 128}
            value={value}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              reset();
            }}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={exportData.isPending || !value.trim()}>
            {exportData.isPending ? 'Exporting…' : 'Export data (JSON)'}
          </button>
          <button
            type="button"
            className="button button--quiet button--danger"
            disabled={!value.trim() || confirming}
            onClick={() => {
              reset();
              setConfirming(true);
            }}
          >
            Delete data…
          </button>
        </div>
      </form>
      {confirming && (
        <form
          className="form form--compact danger-zone"
          onSubmit={onErase}
          aria-labelledby="erase-title"
        >
          <h3 id="erase-title">Delete everything about {value.trim()}?</h3>
          <p>
            Their conversations, messages, tickets, uploaded files and emails are deleted at once
            and cannot be restored. The audit log records that you did it.
          </p>
          <div className="field">
            <label htmlFor="erase-confirm">Type the {what} again to confirm</label>
            <input
              id="erase-confirm"
              name="confirm"
              autoComplete="off"
              value={typed}
              // The confirmation step appears for this field; start there.
              autoFocus
              onChange={(e) => setTyped(e.currentTarget.value)}
            />
          </div>
          <div className="actions">
            <button
              type="submit"
              className="button button--danger-solid"
              disabled={!confirmationMatches(kind, value, typed) || erase.isPending}
            >
              {erase.isPending ? 'Deleting…' : 'Delete permanently'}
            </button>
            <button type="button" className="button button--quiet" onClick={reset}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <FormStatus error={error} done={done} />
    </div>
  );
}
