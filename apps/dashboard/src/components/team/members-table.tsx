'use client';

import { ACTIONS_COLUMN, DataTable } from '@replyline/ui/data-table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { memberControls, ROLE_LABEL, type Member, type Role } from './team-permissions';

export function MembersTable({
  members,
  actor,
}: {
  members: Member[];
  actor: { userId: string; role: Role };
}) {
  return (
    <DataTable
      columns={['Person', 'Role', 'Joined', ACTIONS_COLUMN]}
      rows={members}
      renderRow={(member) => <MemberRow key={member.userId} member={member} actor={actor} />}
    />
  );
}

function MemberRow({ member, actor }: { member: Member; actor: { userId: string; role: Role } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const controls = memberControls(actor, member);
  const [role, setRole] = useState<Role>(member.role);
  const refresh = () => queryClient.invalidateQueries(trpc.team.list.pathFilter());
  const change = useMutation(trpc.team.changeRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.team.remove.mutationOptions({ onSuccess: refresh }));
  const who = member.name || member.email;
  const error = change.error?.message ?? remove.error?.message;

  function onChangeRole(event: FormEvent) {
    event.preventDefault();
    change.mutate({ userId: member.userId, role });
  }

  return (
    <tr data-member-id={member.userId}>
      <td>
        <span className="member__name">{who}</span>
        {member.userId === actor.userId && <span className="tag">You</span>}
        {member.name && <span className="member__email muted">{member.email}</span>}
      </td>
      <td>
        {controls.canChangeRole ? (
          <form className="role-form" onSubmit={onChangeRole}>
            <label htmlFor={`role-${member.userId}`} className="visually-hidden">
              Role of {who}
            </label>
            <select
              id={`role-${member.userId}`}
              value={role}
              onChange={(event) => setRole(event.target.value as Role)}
            >
              {controls.roles.map((option) => (
                <option key={option} value={option}>
                  {ROLE_LABEL[option]}
                </option>
              ))}
            </select>
            {role !== member.role && (
              <button type="submit" className="button button--small" disabled={change.isPending}>
                {change.isPending ? 'Saving…' : 'Save'}
              </button>
            )}
          </form>
        ) : (
          ROLE_LABEL[member.role]
        )}
        {error && (
          <p role="alert" className="field__error">
            {error}
          </p>
        )}
      </td>
      <td>{new Date(member.joinedAt).toLocaleDateString()}</td>
      <td>
        {controls.canRemove && (
          <button
            type="button"
            className="button button--quiet button--small button--danger"
            disabled={remove.isPending}
            aria-label={`Remove ${who}`}
            onClick={() => {
              if (window.confirm(`Remove ${who} from this workspace? Their account stays.`))
                remove.mutate({ userId: member.userId });
            }}
          >
            Remove
          </button>
        )}
      </td>
    </tr>
  );
}
