'use client';

import { FormStatus } from '@replyline/ui/form-status';
import { Panel } from '@replyline/ui/panel';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '~/trpc/react';
import { DomainVerification } from './domain-verification';
import { SsoConnectionForm } from './sso-connection-form';
import { SsoSwitch } from './sso-switch';

/** The SSO page's panels: status, the provider, the domain. */
export function SsoSettings({
  workspaceId,
  callbackBase,
}: {
  /** The form is keyed by it: another workspace's values never stay on screen after a switch. */
  workspaceId: string;
  callbackBase: string;
}) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.sso.get.queryOptions());
  if (settings.isPending) return <p className="muted">Loading…</p>;
  if (settings.isError) return <FormStatus error={settings.error.message} />;
  const { planIncludesSso, connection } = settings.data;

  return (
    <>
      <Panel id="sso-status" title="Status">
        <SsoSwitch settings={settings.data} />
        {!planIncludesSso && (
          <p className="notice">
            Single sign-on is part of the Business plan. <Link href="/billing">Change plan</Link>
          </p>
        )}
      </Panel>
      {planIncludesSso && (
        <Panel
          id="sso-provider"
          title="Identity provider"
          description="Okta, Microsoft Entra ID, Google Workspace, Auth0, Keycloak… any OpenID Connect provider."
        >
          <SsoConnectionForm
            key={`${workspaceId}|${connection?.issuer ?? ''}|${connection?.emailDomain ?? ''}`}
            connection={connection}
            callbackBase={callbackBase}
          />
        </Panel>
      )}
      {planIncludesSso && connection && (
        <Panel id="sso-domain" title="Domain verification">
          <DomainVerification connection={connection} />
        </Panel>
      )}
    </>
  );
}
