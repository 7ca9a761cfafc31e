import { MAGIC_LINK_MINUTES } from '@replyline/auth';
import type { Metadata, Route } from 'next';
import { redirect } from 'next/navigation';
import { isProduction } from '~/env';
import { currentUser } from '~/server/session';
import { AuthCard } from './auth-card';
import { safeCallbackPath, signInErrorMessage } from './messages';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // `next` is what the marketing site's sign-up links use; `callbackUrl` is Auth.js's name.
  const params = await searchParams;
  // Already signed in: straight on, keeping where sign-up was going (a plan picked on pricing).
  if (await currentUser()) redirect(safeCallbackPath(params.callbackUrl ?? params.next) as Route);
  const error = typeof params.error === 'string' ? signInErrorMessage(params.error) : null;
  return (
    <AuthCard footer="Joining a team? Sign in with the address your invitation was sent to.">
      <SignInForm
        callbackPath={safeCallbackPath(params.callbackUrl ?? params.next)}
        error={error}
        linkMinutes={MAGIC_LINK_MINUTES}
        devOutbox={!isProduction()}
      />
    </AuthCard>
  );
}
