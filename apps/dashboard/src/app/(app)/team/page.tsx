import { ReadOnlyNotice } from '@replyline/ui/read-only-notice';
import type { Metadata } from 'next';
import { TeamManager } from '~/components/team/team-manager';
import { managesTeam, type Team } from '~/components/team/team-permissions';
import { prefetched } from '~/components/widget/prefetched';
import { requireWorkspace } from '~/server/workspace';
import { serverApi } from '~/trpc/server';
import '~/components/widget/panels.css';
import '~/components/team/team.css';

export const metadata: Metadata = { title: 'Team' };

export default async function TeamPage() {
  const { user, current } = await requireWorkspace();
  const initial = await prefetched<Team>(async () => (await serverApi()).team.list());
  return (
    <div className="page">
      <header className="page__header">
        <h1>Team</h1>
        <p className="muted">Who can answer, and with which role.</p>
      </header>
      {!managesTeam(current.role) && (
        <ReadOnlyNotice>Only admins and owners can invite people or change roles.</ReadOnlyNotice>
      )}
      <TeamManager actor={{ userId: user.userId, role: current.role }} initial={initial} />
    </div>
  );
}
