// Locked features shown where they live, from the plan config the server enforces: the inbox's
// take-over and reply, the audit log, retention, and the help-article count.
import type { AppRouter } from '@replyline/trpc';
import type { PlanId } from '@replyline/billing/plans';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TRPCProvider } from '~/trpc/react';
import { Transcript } from '../inbox/transcript';
import { articleAllowance } from '../knowledge/article-allowance';
import { AuditLog } from '../settings/audit-log';
import { RetentionForm } from '../settings/retention-form';

const conversationId = '11111111-1111-4111-8111-111111111111';
const at = '2026-03-01T10:00:00.000Z';

/** Renders `node` with the workspace (on `plan`) and `more` already in the cache. */
function renderOn(
  plan: PlanId,
  node: ReactNode,
  more: (trpc: ReturnType<typeof createTRPCOptionsProxy<AppRouter>>, qc: QueryClient) => void,
) {
  const queryClient = new QueryClient();
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: 'http://localhost:1/api/trpc' })],
  });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  queryClient.setQueryData(trpc.workspace.current.queryKey(), {
    id: '22222222-2222-4222-8222-222222222222',
    name: 'Northwind',
    plan,
    onboarding: {},
    role: 'owner',
  } as never);
  more(trpc, queryClient);
  return renderToString(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {node}
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

const transcriptOn = (plan: PlanId) =>
  renderOn(plan, <Transcript conversationId={conversationId} />, (trpc, qc) =>
    qc.setQueryData(trpc.inbox.transcript.queryKey({ conversationId }), {
      conversation: {
        id: conversationId,
        visitorId: 'v_1',
        customerEmail: null,
        customerName: 'Ana',
        status: 'open',
        escalated: false,
        language: 'en',
        rating: null,
        botPausedAt: null,
        assignedUserId: null,
        assignedUserName: null,
        lastMessageAt: at,
        createdAt: at,
        updatedAt: at,
        lastMessage: null,
        tags: [],
        metadata: {},
      },
      messages: [],
      tickets: [],
      events: [],
    } as never),
  );

describe('live hand-off in the inbox', () => {
  it('on Free: no "Take over" and no reply to the customer, a hint to upgrade instead', () => {
    const html = transcriptOn('free');
    expect(html).not.toContain('>Take over</button>');
    expect(html).not.toContain('Reply to the customer');
    expect(html).toContain('data-locked-feature="liveHandoff"');
    expect(html).toContain('Live hand-off is part of the Pro plan.');
    expect(html).toContain('href="/billing"');
    expect(html).toContain('Internal note');
  });

  it.each(['pro', 'business'] as const)('on %s: "Take over" and replies', (plan) => {
    const html = transcriptOn(plan);
    expect(html).toContain('>Take over</button>');
    expect(html).toContain('Reply to the customer');
    expect(html).not.toContain('data-locked-feature');
  });
});

describe('audit log and retention in settings', () => {
  const auditOn = (plan: PlanId) => renderOn(plan, <AuditLog />, () => {});
  const retentionOn = (plan: PlanId, days: number | null) =>
    renderOn(plan, <RetentionForm />, (trpc, qc) =>
      qc.setQueryData(trpc.settings.retention.queryKey(), { days }),
    );

  it.each(['free', 'pro'] as const)('on %s: both locked, with the plan that has them', (plan) => {
    expect(auditOn(plan)).toContain('The audit log is part of the Business plan.');
    expect(retentionOn(plan, null)).toContain('Data retention is part of the Business plan.');
    expect(retentionOn(plan, null)).not.toContain('Save retention');
  });

  it('says a retention kept from Business is paused after a downgrade', () => {
    expect(retentionOn('free', 30)).toContain(
      'Your setting (delete after 30 days) is kept but paused: nothing is deleted on this plan.',
    );
  });

  it('on Business: the log and the form', () => {
    expect(auditOn('business')).toContain('Loading the audit log');
    expect(retentionOn('business', 30)).toContain('Save retention');
  });
});

describe('help articles on the knowledge page', () => {
  it('counts against Free’s 50, and says what happens at and over it', () => {
    expect(articleAllowance('free', 12)).toEqual({
      full: false,
      message: '12 of 50 help articles on the Free plan (FAQ entries and documents together).',
    });
    expect(articleAllowance('free', 50)?.full).toBe(true);
    expect(articleAllowance('free', 80)).toEqual({
      full: true,
      message:
        'This workspace has 80 help articles, more than the 50 the Free plan includes. All of them stay and keep answering; new ones can be added once you are under 50.',
    });
    expect(articleAllowance('pro', 500)).toBeNull();
  });
});
