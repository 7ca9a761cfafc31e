'use client';

import type { AppRouter } from '@replyline/api';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';

/** `const trpc = useTRPC(); useQuery(trpc.workspace.current.queryOptions())` in client components. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The error code tRPC sent, e.g. 'FORBIDDEN', or null for a network failure. */
export function trpcErrorCode(error: unknown): string | null {
  return error instanceof TRPCClientError
    ? ((error.data as { code?: string } | undefined)?.code ?? null)
    : null;
}

/** A refusal will not change by asking again; a dropped connection might. */
function shouldRetry(failures: number, error: unknown): boolean {
  const code = trpcErrorCode(error);
  return failures < 2 && (code === null || code === 'INTERNAL_SERVER_ERROR');
}

/** A session that ended (expired, signed out in another tab) sends the person to sign in again. */
function onError(error: unknown): void {
  if (trpcErrorCode(error) === 'UNAUTHORIZED') window.location.assign('/sign-in');
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: shouldRetry } },
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
  });
}

let browserQueryClient: QueryClient | undefined;

/** One cache per browser tab; on the server a fresh one per render so users never share data. */
function getQueryClient(): QueryClient {
  if (typeof window === 'undefined') return makeQueryClient();
  return (browserQueryClient ??= makeQueryClient());
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/api/trpc' })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
