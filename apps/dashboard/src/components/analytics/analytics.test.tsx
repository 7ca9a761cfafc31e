import type { AppRouter } from '@replyline/trpc';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TRPCProvider } from '~/trpc/react';
import { Analytics } from './analytics';
import { periodFor, viewerTimeZone } from './report-data';

/** The page with its reports already answered, as the first render after loading shows it. */
function renderAnalytics(canEditKnowledge: boolean) {
  const queryClient = new QueryClient();
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: 'http://localhost:1/api/trpc' })],
  });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  const period = periodFor(30, new Date(), viewerTimeZone());
  queryClient.setQueryData(trpc.analytics.summary.queryKey(period), {
    conversations: 12,
    messages: 80,
    perDay: [
      { day: '2026-03-01', conversations: 5, messages: 30 },
      { day: '2026-03-02', conversations: 7, messages: 50 },
    ],
    resolutionRate: 0.75,
    escalationRate: 0.25,
    medianResponseSeconds: 3,
    medianAgentResponseSeconds: 125,
    csat: { average: 4.5, responses: 4, satisfiedShare: 0.75 },
    sentiment: { messages: 4, negative: 0.25, confused: 0, positive: 0.5, neutral: 0.25 },
  });
  const group = {
    key: 'do you ship to norway',
    example: 'Do you ship to Norway?',
    count: 3,
    lastAskedAt: '2026-03-02T10:00:00.000Z',
    conversationId: '11111111-1111-4111-8111-111111111111',
  };
  queryClient.setQueryData(trpc.analytics.topQuestions.queryKey({ ...period, limit: 15 }), [group]);
  queryClient.setQueryData(trpc.analytics.unanswered.queryKey({ ...period, limit: 20 }), [group]);
  return renderToString(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Analytics canEditKnowledge={canEditKnowledge} />
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

describe('analytics page', () => {
  it('shows the KPI cards, the charts’ data and the question reports', () => {
    const html = renderAnalytics(true);
    for (const text of ['75%', '25%', '3 s', '4.5 / 5', 'Do you ship to Norway?', 'Positive: 50'])
      expect(html).toContain(text);
    // The activity chart's numbers, readable without the picture.
    expect(html).toMatch(/<th scope="row">2026-03-02<\/th><td>7<\/td><td>50<\/td>/);
    expect(html).toContain('href="/inbox?conversation=11111111-1111-4111-8111-111111111111"');
  });

  it('offers "Turn into FAQ" to admins only', () => {
    expect(renderAnalytics(true)).toContain('>Turn into FAQ</button>');
    expect(renderAnalytics(false)).not.toContain('Turn into FAQ</button>');
  });
});
