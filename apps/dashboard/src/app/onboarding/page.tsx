import { isPlanId, planById, type PlanId } from '@replyline/billing/plans';
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '~/server/session';
import { serverApi } from '~/trpc/server';
import { AuthCard } from '../sign-in/auth-card';
import { OnboardingForm } from './onboarding-form';

export const metadata: Metadata = { title: 'Create your workspace' };

const NEXT_STEPS = ['Brand your chat widget', 'Add your first knowledge', 'Copy the embed snippet'];

/** First step of onboarding, and "New workspace" later: a workspace the user owns. */
export default async function OnboardingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const plan = paidPlan((await searchParams).plan);
  const workspaces = await (await serverApi()).workspace.list();
  return (
    <AuthCard
      footer={
        workspaces.length > 0 ? (
          <Link href="/">Back to your workspace</Link>
        ) : (
          `Signed in as ${user.email}`
        )
      }
    >
      <p className="eyebrow">Step 1 of 4</p>
      <h1>Create your workspace</h1>
      <p className="muted">
        One workspace is one business: its assistant, knowledge, team and billing.
      </p>
      {plan && (
        <p className="notice" data-chosen-plan={plan}>
          You chose the {planById(plan).name} plan: once the workspace exists, you continue to its
          checkout.
        </p>
      )}
      <OnboardingForm plan={plan} />
      <ol className="steps" start={2} aria-label="Next steps">
        {NEXT_STEPS.map((step) => (
          <li key={step} className="muted">
            {step}
          </li>
        ))}
      </ol>
    </AuthCard>
  );
}

/** The paid plan picked on the pricing page (`?plan=pro`), if any; Free needs no checkout. */
function paidPlan(value: string | string[] | undefined): PlanId | null {
  return isPlanId(value) && value !== 'free' ? value : null;
}
