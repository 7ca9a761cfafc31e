'use client';

import { FormStatus } from '@replyline/ui/form-status';
import { Panel } from '@replyline/ui/panel';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import { InvitationsTable } from './invitations-table';
import { InviteForm } from './invite-form';
import { MembersTable } from './members-table';
import { managesTeam, type Role, type Team } from './team-permissions';

/** Members and their roles, open invitations, and inviting someone (admins and owners). */
export function TeamManager({
  actor,
  initial,
}: {
  actor: { userId: string; role: Role };
  initial?: Team;
}) {
  const trpc = useTRPC();
  const team = useQuery(trpc.team.list.queryOptions(undefined, { initialData: initial }));
  const manages = managesTeam(actor.role);

  if (team.isPending) return <p className="muted">Loading the team…</p>;
  if (team.isError) return <FormStatus error={team.error.message} />;
  return (
    <>
      {manages && (
        <Panel
          id="invite"
          title="Invite someone"
          description="They get an email with a link to join."
        >
          <InviteForm actorRole={actor.role} />
        </Panel>
      )}
      <Panel id="members" title="Members">
        <MembersTable members={team.data.members} actor={actor} />
      </Panel>
      <Panel id="invitations" title="Open invitations">
        <InvitationsTable invitations={team.data.invitations} actorRole={actor.role} />
      </Panel>
    </>
  );
}
