'use server';

import { isPlanId, type PlanId } from '@replyline/billing/plans';
import { createCaller } from '@replyline/trpc';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { dashboardContext } from '~/server/context';
import { getServer } from '~/server/db';
import { currentUser } from '~/server/session';
import { rememberWorkspace } from '~/server/workspace';
import { serverApi } from '~/trpc/server';

/**
 * After "Create workspace": selects the new workspace, records step 1 as done and continues
 * with the rest of the onboarding instead of opening the dashboard; with a paid plan picked on
 * the pricing page, first to that plan's checkout in Billing (the checklist waits on Home).
 */
export async function openNewWorkspace(
  tenantId: string,
  plan: PlanId | null = null,
): Promise<void> {
  const workspaces = await (await serverApi()).workspace.list();
  if (!workspaces.some((w) => w.id === tenantId))
    throw new Error('You are not a member of that workspace.');
  await rememberWorkspace(tenantId);
  await markWorkspaceDone(tenantId);
  if (isPlanId(plan) && plan !== 'free') redirect(`/billing?plan=${plan}`);
  redirect('/onboarding/steps');
}

/**
 * A caller for the new workspace itself: `serverApi()` was built from this request's old
 * cookie. Not fatal if it fails: the wizard treats an existing workspace as step 1 done.
 */
async function markWorkspaceDone(tenantId: string): Promise<void> {
  const [server, user, headerList] = await Promise.all([getServer(), currentUser(), headers()]);
  const api = createCaller(
    dashboardContext(server, user, { workspaceCookie: tenantId, headers: headerList }),
  );
  await api.onboarding.markStep({ step: 'workspace', value: 'done' }).catch(() => undefined);
}
