import { MAGIC_LINK_MINUTES } from '@replyline/auth';
import type { Metadata } from 'next';
import { isProduction } from '~/env';
import { AuthCard } from '../auth-card';
import { CheckEmail } from '../check-email';

export const metadata: Metadata = { title: 'Check your email' };

// Where Auth.js sends a browser that asked for a link without JavaScript.
export default function CheckEmailPage() {
  return (
    <AuthCard>
      <CheckEmail linkMinutes={MAGIC_LINK_MINUTES} devOutbox={!isProduction()} />
    </AuthCard>
  );
}
