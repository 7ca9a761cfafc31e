'use client';

import Link from 'next/link';
import { switchWorkspace } from '~/app/actions';

export interface WorkspaceOption {
  id: string;
  name: string;
  role: string;
}

/** Picks the workspace the dashboard shows; the server checks membership again on every call. */
export function WorkspaceSwitcher({
  workspaces,
  currentId,
}: {
  workspaces: WorkspaceOption[];
  currentId: string;
}) {
  return (
    <form action={switchWorkspace} className="switcher">
      <label htmlFor="workspace">Workspace</label>
      <select
        id="workspace"
        name="tenantId"
        defaultValue={currentId}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name} ({w.role})
          </option>
        ))}
      </select>
      {/* For keyboards and browsers without JavaScript; the change above submits by itself. */}
      <button type="submit" className="visually-hidden">
        Switch workspace
      </button>
      <Link href="/onboarding" className="switcher__new">
        + New workspace
      </Link>
    </form>
  );
}
