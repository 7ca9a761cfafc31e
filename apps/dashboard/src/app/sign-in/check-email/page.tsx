import { MAGIC_LINK_MINUTES } from '@replyline/auth';
import type { Metadata } from 'next';
import { isProduction } from '~/env';
import { AuthCard } from '../auth-card';
import { CheckEmail } from '../check-email';
import { waitMessage } from '../messages';

export const metadata: Metadata = { title: 'Check your email' };

// Where Auth.js sends a browser that asked for a link without JavaScript; with `retryMinutes`
// when the address (or this network) asked too often: the earlier links are on their way.
export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const minutes = Number((await searchParams).retryMinutes);
  return (
    <AuthCard>
      {minutes > 0 ? (
        <div role="status" className="check-email">
          <h1>Check your email</h1>
          <p className="muted">{waitMessage(Math.ceil(minutes))}</p>
        </div>
      ) : (
        <CheckEmail linkMinutes={MAGIC_LINK_MINUTES} devOutbox={!isProduction()} />
      )}
    </AuthCard>
  );
}
