import type { PlanId } from '@replyline/billing/plans';
import { env } from '~/env';

export const site = {
  name: 'Replyline',
  tagline: 'Answers your customers can trust',
  description:
    'Replyline is an AI support assistant that answers from your own help content, cites its sources and hands off to your team when it should.',
  signInUrl: `${env.dashboardUrl}/sign-in`,
  supportEmail: 'hello@replyline.example',
} as const;

/**
 * Sign-up: the dashboard's sign-in (a magic link makes the account), then onboarding creates
 * the workspace and, for a paid plan, goes on to its checkout. The plan rides inside `next`,
 * the one address sign-in carries through the magic link.
 */
export function signUpUrl(plan: PlanId = 'free'): string {
  return `${env.dashboardUrl}/sign-in?next=${encodeURIComponent(`/onboarding?plan=${plan}`)}`;
}
