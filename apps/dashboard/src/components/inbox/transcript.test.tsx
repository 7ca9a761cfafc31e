import type { AppRouter } from '@replyline/trpc';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TRPCProvider } from '~/trpc/react';
import { Transcript } from './transcript';

const conversationId = '11111111-1111-4111-8111-111111111111';
const at = '2026-03-01T10:00:00.000Z';

/** The transcript as the server answers it (dates as JSON strings), already in the cache. */
function renderTranscript(
  botPausedAt: string | null,
  status = 'open',
  handoff: 'bot' | 'waiting' | 'person' = botPausedAt ? 'person' : 'bot',
) {
  const queryClient = new QueryClient();
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: 'http://localhost:1/api/trpc' })],
  });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  const message = (id: string, role: string, content: string, extra = {}) => ({
    id,
    role,
    content,
    sources: [],
    tags: [],
    feedback: null,
    authorUserId: null,
    authorName: null,
    handoff: null,
    createdAt: at,
    ...extra,
  });
  queryClient.setQueryData(trpc.inbox.transcript.queryKey({ conversationId }), {
    conversation: {
      id: conversationId,
      visitorId: 'v_1',
      customerEmail: 'ana@example.com',
      customerName: 'Ana',
      status,
      escalated: false,
      language: 'en',
      rating: null,
      botPausedAt,
      handoff,
      assignedUserId: null,
      assignedUserName: 'Sam',
      lastMessageAt: at,
      createdAt: at,
      updatedAt: at,
      lastMessage: null,
      tags: ['upset'],
      metadata: {},
    },
    messages: [
      message('m1', 'visitor', 'My sofa arrived broken', { tags: ['upset'] }),
      message('m2', 'assistant', 'Sorry! Damage is covered [1].', {
        sources: [
          {
            n: 1,
            chunkId: 'c1',
            documentId: 'd1',
            title: 'Terms',
            page: 3,
            heading: 'Damage',
            score: 1,
          },
        ],
      }),
      message('m3', 'note', 'VIP customer', { authorName: 'Sam' }),
    ],
    tickets: [],
    events: [],
  } as never);
  return renderToString(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Transcript conversationId={conversationId} />
      </TRPCProvider>
    </QueryClientProvider>,
  );
}

describe('transcript', () => {
  it('marks every message with its role and id, with sources and tags', () => {
    const html = renderTranscript(null);
    expect(html).toMatch(/data-role="visitor" data-message-id="m1"/);
    expect(html).toMatch(/data-role="assistant" data-message-id="m2"/);
    expect(html).toMatch(/data-role="note" data-message-id="m3"/);
    expect(html).toContain('[1] Terms, p. 3 — Damage');
    expect(html).toContain('chip--negative">Upset');
    expect(html).toContain('Internal note · Sam');
  });

  it('offers "Take over" while the bot answers, and "Hand back to bot" while paused', () => {
    const answering = renderTranscript(null);
    expect(answering).toContain('>Take over</button>');
    expect(answering).not.toContain('Hand back to bot');
    const paused = renderTranscript(at);
    expect(paused).toContain('>Hand back to bot</button>');
    expect(paused).toContain('The bot is paused: Sam is answering.');
  });

  it('says the customer waits for a person after asking for one, not that the bot answers', () => {
    const waiting = renderTranscript(at, 'escalated', 'waiting');
    expect(waiting).toContain('data-handoff="waiting"');
    expect(waiting).toContain(
      'Waiting for a person: the customer asked for one and the bot is quiet.',
    );
    expect(waiting).not.toContain('The bot is answering.');
    expect(waiting).toContain('>Hand back to bot</button>');
  });

  it('has the reply box and "Send reply", and Resolve or Reopen by status', () => {
    const open = renderTranscript(null);
    expect(open).toMatch(/<textarea[^>]*name="reply"/);
    expect(open).toContain('>Send reply</button>');
    expect(open).toContain('>Resolve</button>');
    expect(renderTranscript(null, 'resolved')).toContain('>Reopen</button>');
  });
});
