import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { WORKSPACE_COOKIE } from '~/server/context';
import { currentUser } from '~/server/session';
import { rememberWorkspace } from '~/server/workspace';
import { serverApi } from '~/trpc/server';

export const dynamic = 'force-dynamic';

/**
 * Selects a workspace when the browser has none selected, or one the user no longer belongs to
 * (first sign-in, removed from a team). It only ever repairs: a valid choice is left alone, so
 * a link to it cannot switch anyone's workspace.
 */
export async function GET(): Promise<never> {
  if (!(await currentUser())) redirect('/sign-in');
  const workspaces = await (await serverApi()).workspace.list();
  const first = workspaces[0];
  if (!first) redirect('/onboarding');
  const selected = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  if (!workspaces.some((w) => w.id === selected)) await rememberWorkspace(first.id);
  redirect('/');
}
