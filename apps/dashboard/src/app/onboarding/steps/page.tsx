import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { OnboardingWizard } from '~/components/onboarding/onboarding-wizard';
import { stepToShow } from '~/components/onboarding/progress';
import { prefetched } from '~/components/widget/prefetched';
import type { WidgetSettings } from '~/components/widget/widget-settings';
import { requireWorkspace } from '~/server/workspace';
import { TRPCReactProvider } from '~/trpc/react';
import { serverApi } from '~/trpc/server';
import { AuthCard } from '../../sign-in/auth-card';
import '~/components/widget/panels.css';
import '~/components/widget/widget.css';
import '~/components/onboarding/onboarding.css';

export const metadata: Metadata = { title: 'Set up your workspace' };

/**
 * Steps 2–4 of onboarding for the selected workspace, resuming at the first step neither done
 * nor skipped (`?step=` opens one step, from the home page's checklist).
 */
export default async function OnboardingStepsPage({
  searchParams,
}: {
  searchParams: Promise<{ step?: string | string[] }>;
}) {
  const { current } = await requireWorkspace();
  // Setting up is an admin's job (the API refuses agents); agents go straight to work.
  if (current.role === 'agent') redirect('/inbox');
  const api = await serverApi();
  const [progress, widget] = await Promise.all([
    api.onboarding.get(),
    prefetched<WidgetSettings>(() => api.widget.get()),
  ]);
  const step = stepToShow(progress, (await searchParams).step);
  if (!step) redirect('/inbox');
  return (
    <AuthCard footer={<Link href="/inbox">Finish later and open the dashboard</Link>}>
      <TRPCReactProvider workspaceId={current.id}>
        <OnboardingWizard key={step} initialStep={step} initialWidget={widget} />
      </TRPCReactProvider>
    </AuthCard>
  );
}
