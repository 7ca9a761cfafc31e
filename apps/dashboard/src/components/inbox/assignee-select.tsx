'use client';

import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import { useMembers } from '../tickets/use-members';

/** Who has the conversation: choosing someone else transfers it to them. */
export function AssigneeSelect(props: {
  conversationId: string;
  assignedUserId: string | null;
  onChanged: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const members = useMembers();
  const assign = useMutation(trpc.inbox.assign.mutationOptions({ onSuccess: props.onChanged }));
  const id = `assignee-${props.conversationId}`;
  return (
    <div className="assignee">
      <label htmlFor={id}>Assigned to</label>
      <select
        id={id}
        value={props.assignedUserId ?? ''}
        disabled={assign.isPending}
        onChange={(event) =>
          assign.mutate({
            conversationId: props.conversationId,
            assigneeUserId: event.currentTarget.value || null,
          })
        }
      >
        <option value="">Nobody</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </select>
      {assign.error && (
        <p role="alert" className="field__error">
          {assign.error.message}
        </p>
      )}
    </div>
  );
}
