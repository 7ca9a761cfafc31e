'use client';

import { FormStatus } from '@replyline/ui/form-status';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';

/**
 * The owner's danger zone: deletes the whole workspace after its name is typed (the server
 * checks the name again). Afterwards a full page load leaves nothing of it in this tab's caches,
 * and the dashboard opens the owner's next workspace, or onboarding when there is none.
 */
export function DeleteWorkspace({ name }: { name: string }) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.workspace.delete.mutationOptions());
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === name.trim();

  async function onDelete(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!matches) return;
    const done = await remove.mutateAsync({ confirmName: typed }).catch(() => null);
    if (done) window.location.assign('/');
  }

  return (
    <form
      className="form form--compact danger-zone"
      onSubmit={onDelete}
      aria-labelledby="delete-workspace-title"
    >
      <h3 id="delete-workspace-title">Delete {name}</h3>
      <p>
        Every conversation, ticket, document, member, setting and the audit log of this workspace
        are deleted at once and cannot be restored; a paid subscription is canceled. Members keep
        their accounts and their other workspaces.
      </p>
      <div className="field">
        <label htmlFor="delete-workspace-confirm">Type the workspace name to confirm</label>
        <input
          id="delete-workspace-confirm"
          name="confirmName"
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
        />
      </div>
      <div className="actions">
        <button
          type="submit"
          className="button button--danger-solid"
          disabled={!matches || remove.isPending}
        >
          {remove.isPending ? 'Deleting…' : 'Delete workspace permanently'}
        </button>
      </div>
      <FormStatus error={remove.error?.message ?? null} />
    </form>
  );
}
