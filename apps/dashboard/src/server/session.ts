import type { SessionUser } from '@replyline/auth';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getServer } from './db';

/** The signed-in user of this request, or null. Read once per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  // Cookies first: reading them marks the page as per-request before anything can fail.
  const cookieStore = await cookies();
  const { auth } = await getServer();
  return auth.getSessionUser(cookieStore);
});

/** For pages that need a signed-in user: anyone else goes to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/sign-in');
  return user;
}
