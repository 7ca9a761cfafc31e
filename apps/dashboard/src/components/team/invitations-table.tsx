'use client';

import { ACTIONS_COLUMN, DataTable } from '@replyline/ui/data-table';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import { canHandleInvitation, ROLE_LABEL, type Invitation, type Role } from './team-permissions';

/** Invitations not accepted yet; expired ones stay so an admin sees why someone cannot join. */
export function InvitationsTable({
  invitations,
  actorRole,
}: {
  invitations: Invitation[];
  actorRole: Role;
}) {
  return (
    <DataTable
      columns={['Email', 'Role', 'Invited by', 'Link valid until', ACTIONS_COLUMN]}
      rows={invitations}
      renderRow={(invitation) => (
        <InvitationRow key={invitation.id} invitation={invitation} actorRole={actorRole} />
      )}
      empty={<p className="muted">No open invitations.</p>}
    />
  );
}

function InvitationRow({ invitation, actorRole }: { invitation: Invitation; actorRole: Role }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries(trpc.team.list.pathFilter());
  const revoke = useMutation(trpc.team.revokeInvitation.mutationOptions({ onSuccess: refresh }));
  // Inviting the same address again replaces the old link: that is "resend".
  const resend = useMutation(trpc.team.invite.mutationOptions({ onSuccess: refresh }));
  const allowed = canHandleInvitation(actorRole, invitation);
  const error = revoke.error?.message ?? resend.error?.message;

  return (
    <tr data-invitation-id={invitation.id}>
      <td>{invitation.email}</td>
      <td>{ROLE_LABEL[invitation.role]}</td>
      <td>{invitation.invitedByName || invitation.invitedByEmail || '–'}</td>
      <td>
        {invitation.expired ? (
          <span className="status status--failed">Expired</span>
        ) : (
          new Date(invitation.expiresAt).toLocaleDateString()
        )}
        {resend.isSuccess && <span className="hint"> New link sent.</span>}
      </td>
      <td>
        {allowed && (
          <div className="actions">
            <button
              type="button"
              className="button button--quiet button--small"
              disabled={resend.isPending}
              aria-label={`Resend the invitation to ${invitation.email}`}
              onClick={() => resend.mutate({ email: invitation.email, role: invitation.role })}
            >
              {resend.isPending ? 'Sending…' : 'Resend'}
            </button>
            <button
              type="button"
              className="button button--quiet button--small button--danger"
              disabled={revoke.isPending}
              aria-label={`Revoke the invitation to ${invitation.email}`}
              onClick={() => {
                if (window.confirm(`Withdraw the invitation to ${invitation.email}?`))
                  revoke.mutate({ invitationId: invitation.id });
              }}
            >
              Revoke
            </button>
          </div>
        )}
        {error && (
          <p role="alert" className="field__error">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
