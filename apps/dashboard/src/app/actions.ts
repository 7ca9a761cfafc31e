'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { WORKSPACE_COOKIE } from '~/server/context';
import { getServer } from '~/server/db';
import { rememberWorkspace } from '~/server/workspace';
import { serverApi } from '~/trpc/server';

/** Makes `tenantId` the selected workspace, if the user belongs to it, and opens it. */
export async function selectWorkspace(tenantId: string): Promise<void> {
  const workspaces = await (await serverApi()).workspace.list();
  if (!workspaces.some((w) => w.id === tenantId))
    throw new Error('You are not a member of that workspace.');
  await rememberWorkspace(tenantId);
  redirect('/');
}

/** The workspace switcher's form. */
export async function switchWorkspace(form: FormData): Promise<void> {
  await selectWorkspace(String(form.get('tenantId') ?? ''));
}

/** Ends the session in the database (not only in this browser) and returns to sign-in. */
export async function signOut(): Promise<void> {
  const { auth } = await getServer();
  const cookieStore = await cookies();
  await auth.signOut(cookieStore);
  cookieStore.delete({
    name: auth.sessionCookie.name,
    path: '/',
    secure: auth.sessionCookie.secure,
  });
  cookieStore.delete(WORKSPACE_COOKIE);
  redirect('/sign-in');
}
