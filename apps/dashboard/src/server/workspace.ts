import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { serverApi } from '~/trpc/server';
import { WORKSPACE_COOKIE } from './context';
import { getServer } from './db';
import { requireUser } from './session';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * For every workspace page: signed out goes to sign-in, without a workspace to onboarding, and a
 * missing or stale workspace cookie is repaired (the first workspace is selected). Pages call it
 * as well as the layout, because a layout is not rendered again on client-side navigation.
 */
export const requireWorkspace = cache(async () => {
  const user = await requireUser();
  const workspaces = await (await serverApi()).workspace.list();
  if (workspaces.length === 0) redirect('/onboarding');
  const selected = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const current = workspaces.find((w) => w.id === selected);
  if (!current) redirect('/api/workspace/default');
  return { user, workspaces, current };
});

/** Remembers the chosen workspace in this browser (route handlers and server actions only). */
export async function rememberWorkspace(tenantId: string): Promise<void> {
  const { auth } = await getServer();
  (await cookies()).set(WORKSPACE_COOKIE, tenantId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: auth.sessionCookie.secure,
    path: '/',
    maxAge: YEAR_SECONDS,
  });
}
