'use client';

import type { AppRouter } from '@replyline/trpc';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { createContext, Fragment, useContext, useMemo, type ReactNode } from 'react';
import { MAX_BATCH_SIZE, PAGE_WORKSPACE_HEADER } from './protocol';

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

/**
 * A cache for one workspace. Any successful save marks every cached read as outdated, so a page
 * opened later (Widget after the onboarding wizard saved its branding) never starts from data
 * read before that save.
 */
function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: shouldRetry } },
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({
      onError,
      onSuccess: () => void client.invalidateQueries(),
    }),
  });
  return client;
}

/**
 * One cache per workspace per browser tab, so no cached read of workspace A is ever shown in
 * workspace B (every query key is, in effect, prefixed by the workspace); on the server a fresh
 * one per render so users never share data.
 */
const browserQueryClients = new Map<string, QueryClient>();

function getQueryClient(workspaceId: string | null): QueryClient {
  if (typeof window === 'undefined') return makeQueryClient();
  const key = workspaceId ?? '';
  let client = browserQueryClients.get(key);
  if (!client) browserQueryClients.set(key, (client = makeQueryClient()));
  return client;
}

/**
 * Every call names the workspace this page was rendered for; the server refuses it (409) when
 * another one has been selected since (another tab, a switch this page has not caught up with).
 */
function makeTrpcClient(workspaceId: string | null) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/api/trpc',
        maxItems: MAX_BATCH_SIZE,
        headers: () => (workspaceId ? { [PAGE_WORKSPACE_HEADER]: workspaceId } : {}),
      }),
    ],
  });
}

const WorkspaceIdContext = createContext<string | null>(null);

/** The workspace this part of the page was loaded for (null outside a workspace). */
export function useWorkspaceId(): string | null {
  return useContext(WorkspaceIdContext);
}

/**
 * The tRPC client and query cache. Inside a workspace (`workspaceId`), both belong to that
 * workspace, and everything below is mounted afresh when it changes: forms start again from
 * the new workspace's data instead of keeping the old one's in their state.
 */
export function TRPCReactProvider({
  workspaceId = null,
  children,
}: {
  workspaceId?: string | null;
  children: ReactNode;
}) {
  const queryClient = getQueryClient(workspaceId);
  const trpcClient = useMemo(() => makeTrpcClient(workspaceId), [workspaceId]);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <WorkspaceIdContext.Provider value={workspaceId}>
          <Fragment key={workspaceId ?? ''}>{children}</Fragment>
        </WorkspaceIdContext.Provider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
