import { createCaller } from '@replyline/trpc';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { currentUser } from '~/server/session';
import { dashboardContext, WORKSPACE_COOKIE } from '~/server/context';
import { getServer } from '~/server/db';

/**
 * The dashboard API called directly from server components and actions: the same procedures,
 * checks and context as over HTTP, without the round trip. One per request.
 */
export const serverApi = cache(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const [server, user] = await Promise.all([getServer(), currentUser()]);
  return createCaller(
    dashboardContext(server, user, {
      workspaceCookie: cookieStore.get(WORKSPACE_COOKIE)?.value ?? null,
      headers: headerList,
    }),
  );
});
