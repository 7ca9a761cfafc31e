import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { openSteps } from '~/components/onboarding/progress';
import { SetupChecklist } from '~/components/onboarding/setup-checklist';
import { requireWorkspace } from '~/server/workspace';
import { serverApi } from '~/trpc/server';

export const metadata: Metadata = { title: 'Home' };

/**
 * The dashboard opens on the inbox, where the work is; until setup is finished (or skipped),
 * an admin first sees what is left to do. Agents cannot change the setup, so they never do.
 */
export default async function DashboardHome() {
  const { current } = await requireWorkspace();
  if (current.role === 'agent') redirect('/inbox');
  const progress = await (await serverApi()).onboarding.get();
  if (openSteps(progress).length === 0) redirect('/inbox');
  return (
    <div className="page">
      <header className="page__header">
        <h1>Welcome to {current.name}</h1>
      </header>
      <SetupChecklist progress={progress} />
    </div>
  );
}
