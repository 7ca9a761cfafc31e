'use server';

import { TRPCError } from '@trpc/server';
import { redirect } from 'next/navigation';
import { currentUser } from '~/server/session';
import { rememberWorkspace } from '~/server/workspace';
import { serverApi } from '~/trpc/server';
import { signInForInvitation } from './invite-paths';

export interface AcceptState {
  error: string | null;
}

/**
 * Joins the workspace of the invitation `code`, selects it in this browser and opens it.
 * A POST (not the page load itself), so a link preview or prefetch never uses the invitation.
 */
export async function acceptInvitation(
  code: string,
  _previous: AcceptState,
  _form: FormData,
): Promise<AcceptState> {
  if (!(await currentUser())) redirect(signInForInvitation(code));
  let tenantId: string;
  try {
    ({ tenantId } = await (await serverApi()).team.accept({ code }));
  } catch (error) {
    if (error instanceof TRPCError) return { error: error.message };
    console.error('accepting an invitation failed', error);
    return { error: 'The invitation could not be accepted just now. Please try again.' };
  }
  await rememberWorkspace(tenantId);
  redirect('/');
}
