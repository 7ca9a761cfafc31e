import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signOut } from '~/app/actions';
import { currentUser } from '~/server/session';
import { AuthCard } from '../../sign-in/auth-card';
import { AcceptInvitation } from './accept-invitation';
import { acceptInvitation } from './actions';
import { signInForInvitation } from './invite-paths';
import './invite.css';

export const metadata: Metadata = { title: 'Join a workspace' };

/** The link in an invitation email: signed in, it joins; signed out, sign-in comes first. */
export default async function InvitePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const user = await currentUser();
  if (!user) redirect(signInForInvitation(code));
  return (
    <AuthCard
      footer={
        <>
          Signed in as {user.email}. Invited at another address?{' '}
          <form action={signOut} className="inline-form">
            <button type="submit" className="link-button">
              Sign out
            </button>
          </form>{' '}
          and open the link again.
        </>
      }
    >
      <h1>Join a workspace</h1>
      <AcceptInvitation action={acceptInvitation.bind(null, code)} />
    </AuthCard>
  );
}
