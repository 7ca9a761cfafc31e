import { getServer } from '~/server/db';

// Auth.js: csrf, the magic-link request, the link's callback, session refresh, sign-out.
export const dynamic = 'force-dynamic';

async function handler(request: Request): Promise<Response> {
  const { auth } = await getServer();
  return auth.handleAuthRequest(request);
}

export { handler as GET, handler as POST };
