'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';

/** After any SSO change: the settings and the audit log are read again. */
export function useRefreshSso() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.sso.get.queryFilter()),
      queryClient.invalidateQueries(trpc.settings.auditLog.pathFilter()),
    ]);
}
