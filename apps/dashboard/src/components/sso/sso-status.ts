import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@replyline/trpc';

export type SsoSettings = inferRouterOutputs<AppRouter>['sso']['get'];
export type SsoConnectionView = NonNullable<SsoSettings['connection']>;

/** One line on what sign-in does today, and what is left to do. */
export function ssoStatus(settings: SsoSettings): { label: string; detail: string; live: boolean } {
  const c = settings.connection;
  if (!settings.planIncludesSso)
    return {
      label: 'Not included in your plan',
      detail: c
        ? 'Your settings are kept, but sign-in uses email links until the workspace is on Business.'
        : 'Single sign-on is part of the Business plan.',
      live: false,
    };
  if (!c)
    return {
      label: 'Not set up',
      detail: 'Connect your identity provider, then verify your email domain.',
      live: false,
    };
  if (!c.domainVerifiedAt)
    return {
      label: 'Waiting for domain verification',
      detail: `Publish the TXT record below on ${c.emailDomain}, then press Verify domain.`,
      live: false,
    };
  if (!c.enabled)
    return {
      label: 'Switched off',
      detail: `People at ${c.emailDomain} sign in with email links until you switch it on.`,
      live: false,
    };
  return {
    label: 'On',
    detail: `Everyone signing in with an @${c.emailDomain} address goes to your identity provider; email links are refused for them.${
      c.autoJoinRole
        ? ` New people join this workspace as ${c.autoJoinRole === 'admin' ? 'an admin' : 'an agent'}.`
        : ' Only members and invited people get in.'
    }`,
    live: true,
  };
}
