'use client';

import { FormStatus } from '@replyline/ui/form-status';
import { Panel } from '@replyline/ui/panel';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors, NO_ERRORS, type FormErrors } from '../widget/form-errors';
import { ActionFields } from './action-fields';
import {
  actionInputOf,
  FormFieldProblem,
  HTTP_KIND,
  type ActionKind,
  type ActionSummary,
} from './action-input';
import { ActionRow } from './action-row';
import { TryIt } from './try-it';
import './actions.css';

/** Actions: the list (on/off, edit, delete, try it) and the form for a new or changed one. */
export function ActionsAdmin() {
  const trpc = useTRPC();
  const actions = useQuery(trpc.actions.list.queryOptions());
  const kinds = useQuery(trpc.actions.kinds.queryOptions());
  const [editing, setEditing] = useState<ActionSummary | null>(null);
  const [trying, setTrying] = useState<ActionSummary | null>(null);
  if (actions.isPending || kinds.isPending) return <p className="muted">Loading…</p>;
  if (actions.isError) return <FormStatus error={actions.error.message} />;
  if (kinds.isError) return <FormStatus error={kinds.error.message} />;
  const list = actions.data as ActionSummary[];
  return (
    <>
      <Panel
        id="actions"
        title="Actions"
        description="What the assistant may do for a visitor. New actions are off until you enable them."
      >
        {list.length === 0 ? (
          <p className="muted">No actions yet. Add one below.</p>
        ) : (
          <ul className="action-list">
            {list.map((action) => (
              <ManagedRow
                key={action.id}
                action={action}
                onEdit={() => setEditing(action)}
                onTry={() => setTrying(action)}
              />
            ))}
          </ul>
        )}
      </Panel>
      {trying && (
        <TryIt
          key={trying.id}
          action={list.find((a) => a.id === trying.id) ?? trying}
          onClose={() => setTrying(null)}
        />
      )}
      <ActionForm
        key={editing?.id ?? 'new'}
        kinds={kinds.data}
        action={editing ?? undefined}
        onDone={() => setEditing(null)}
      />
    </>
  );
}

function ManagedRow({
  action,
  onEdit,
  onTry,
}: {
  action: ActionSummary;
  onEdit: () => void;
  onTry: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries(trpc.actions.list.queryFilter());
  const toggle = useMutation(trpc.actions.setEnabled.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.actions.delete.mutationOptions({ onSuccess: refresh }));
  async function onDelete() {
    if (!window.confirm(`Delete “${action.name}”? The assistant stops using it at once.`)) return;
    await remove.mutateAsync({ id: action.id }).catch(() => null);
  }
  return (
    <ActionRow
      action={action}
      busy={toggle.isPending || remove.isPending}
      error={toggle.error?.message ?? remove.error?.message ?? null}
      onToggle={(enabled) => toggle.mutate({ id: action.id, enabled })}
      onEdit={onEdit}
      onTry={onTry}
      onDelete={() => void onDelete()}
    />
  );
}

function ActionForm({
  kinds,
  action,
  onDone,
}: {
  kinds: ActionKind[];
  action?: ActionSummary;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries(trpc.actions.list.queryFilter());
  const create = useMutation(trpc.actions.create.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.actions.update.mutationOptions({ onSuccess: refresh }));
  const [kind, setKind] = useState(action?.kind ?? HTTP_KIND);
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState<string | null>(null);
  const saving = action ? update : create;
  const serverErrors = formErrors(saving.error);
  const errors = local.message ? local : serverErrors;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    setLocal(NO_ERRORS);
    const formElement = event.currentTarget;
    let input: ReturnType<typeof actionInputOf>;
    try {
      input = actionInputOf(new FormData(formElement), kind);
    } catch (problem) {
      if (!(problem instanceof FormFieldProblem)) throw problem;
      setLocal({ fields: { [problem.path]: problem.message }, message: problem.message });
      return;
    }
    const saved = action
      ? await update.mutateAsync({ ...input, id: action.id }).catch(() => null)
      : await create.mutateAsync(input).catch(() => null);
    if (!saved) return;
    setDone(action ? `Saved “${saved.name}”.` : `Added “${saved.name}”.`);
    if (action) onDone();
    else formElement.reset();
  }

  return (
    <Panel
      id="action-form"
      title={action ? `Edit ${action.name}` : 'New action'}
      description="The assistant offers an action when a visitor asks for what its description says."
    >
      <form
        className="form form--compact"
        onSubmit={onSubmit}
        aria-label={action ? `Edit ${action.name}` : 'New action'}
      >
        <ActionFields
          kinds={kinds}
          kind={kind}
          onKindChange={setKind}
          action={action}
          errors={errors.fields}
        />
        <SubmitRow
          label={action ? 'Save action' : 'Add action'}
          pendingLabel="Saving…"
          pending={saving.isPending}
          error={errors.message}
          done={done}
          onCancel={action ? onDone : undefined}
        />
      </form>
    </Panel>
  );
}
