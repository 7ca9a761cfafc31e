'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '~/trpc/react';
import { customerTyping } from './typing';

/**
 * Keeps the open inbox current by push: the server's event stream names each conversation
 * that changed (a message, a status, a takeover or transfer), and only the list and that
 * conversation's transcript are read again. The browser reconnects a dropped stream by itself;
 * on every (re)connect everything is read once, for changes made while it was away.
 */
export function useInboxEvents() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/inbox/events');
    const refreshList = () => queryClient.invalidateQueries(trpc.inbox.list.pathFilter());
    source.addEventListener('ready', () => {
      void refreshList();
      void queryClient.invalidateQueries(trpc.inbox.transcript.pathFilter());
    });
    source.addEventListener('conversation', (event) => {
      const { conversationId } = JSON.parse((event as MessageEvent<string>).data) as {
        conversationId: string;
      };
      void refreshList();
      void queryClient.invalidateQueries(trpc.inbox.transcript.queryFilter({ conversationId }));
    });
    // Typing reads nothing: the open transcript shows "typing…" for a few seconds.
    source.addEventListener('typing', (event) => {
      const { conversationId } = JSON.parse((event as MessageEvent<string>).data) as {
        conversationId: string;
      };
      customerTyping(conversationId);
    });
    return () => source.close();
  }, [queryClient, trpc]);
}
