'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '~/trpc/react';
import { UpgradeHint, usePlanAllows } from '../billing/plan-gate';
import { AssigneeSelect } from './assignee-select';
import { Composer } from './composer';
import { StatusChip } from './conversation-list';
import { ExportButtons } from './export-buttons';
import { customerLabel } from './format';
import { MessageList } from './message-list';
import { useCustomerTyping } from './typing';
import { VisitorPanel } from './visitor-panel';

export { sourceLabel } from './message-list';

/**
 * One conversation: its messages (opened at the newest), the reply box always in view, the
 * visitor beside them, and everything an agent does with it. Pushed changes read it again
 * (useInboxEvents); nothing polls.
 */
export function Transcript({
  conversationId,
  onOpen = () => {},
}: {
  conversationId: string;
  onOpen?: (conversationId: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshInbox(conversationId);
  const transcript = useQuery(
    trpc.inbox.transcript.queryOptions({ conversationId }, { staleTime: Infinity }),
  );
  const customerTyping = useCustomerTyping(conversationId);
  if (transcript.isPending) return <p className="muted">Loading the conversation…</p>;
  if (transcript.isError)
    return (
      <p role="alert" className="alert">
        {transcript.error.message}
      </p>
    );
  const { conversation, messages, tickets, pastConversations = [] } = transcript.data;
  return (
    <article
      className="transcript"
      aria-labelledby="transcript-title"
      data-conversation={conversation.id}
    >
      <header className="transcript__header">
        <div>
          <h2 id="transcript-title">{customerLabel(conversation)}</h2>
          <p className="muted transcript__meta">
            <StatusChip status={conversation.status} />{' '}
            {conversation.customerEmail && <span>{conversation.customerEmail} · </span>}
            <span>visitor {conversation.visitorId}</span>
            {conversation.language && <span> · {conversation.language}</span>}
            {conversation.rating !== null && <span> · rated {conversation.rating}/5</span>}
          </p>
          <p className="transcript__bot" role="status" data-handoff={conversation.handoff}>
            {whoAnswers(conversation)}
          </p>
        </div>
        <ConversationActions
          conversationId={conversation.id}
          botPaused={Boolean(conversation.botPausedAt)}
          resolved={conversation.status === 'resolved'}
        />
        <AssigneeSelect
          conversationId={conversation.id}
          assignedUserId={conversation.assignedUserId}
          onChanged={refresh}
        />
      </header>
      {tickets.length > 0 && (
        <p className="transcript__tickets">
          Tickets:{' '}
          {tickets.map((ticket) => (
            <Link key={ticket.id} href={`/tickets/${ticket.id}`} className="chip">
              #{ticket.number} {ticket.subject} ({ticket.status})
            </Link>
          ))}
        </p>
      )}
      <div className="transcript__body">
        <div className="transcript__thread">
          <MessageList messages={messages} />
          {messages.length === 0 && <p className="empty">No messages yet.</p>}
          {customerTyping && (
            <p className="transcript__typing" role="status" aria-live="polite">
              {customerLabel(conversation)} is typing…
            </p>
          )}
          <Composer
            conversationId={conversation.id}
            botPaused={Boolean(conversation.botPausedAt)}
            onSent={refresh}
          />
        </div>
        <VisitorPanel conversation={conversation} past={pastConversations} onOpen={onOpen} />
      </div>
    </article>
  );
}

/** The line under the customer's name: who answers them right now. */
export function whoAnswers(conversation: {
  handoff: 'bot' | 'waiting' | 'person';
  assignedUserName: string | null;
}): string {
  if (conversation.handoff === 'waiting')
    return 'Waiting for a person: the customer asked for one and the bot is quiet. Take over or reply.';
  if (conversation.handoff === 'person')
    return `The bot is paused: ${conversation.assignedUserName ?? 'an agent'} is answering.`;
  return 'The bot is answering.';
}

function useRefreshInbox(conversationId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.inbox.transcript.queryFilter({ conversationId })),
      queryClient.invalidateQueries(trpc.inbox.list.pathFilter()),
    ]);
}

function ConversationActions(props: {
  conversationId: string;
  botPaused: boolean;
  resolved: boolean;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshInbox(props.conversationId);
  const options = { onSuccess: refresh };
  const takeOver = useMutation(trpc.inbox.takeOver.mutationOptions(options));
  const handBack = useMutation(trpc.inbox.handBack.mutationOptions(options));
  const resolve = useMutation(trpc.inbox.resolve.mutationOptions(options));
  const reopen = useMutation(trpc.inbox.reopen.mutationOptions(options));
  const input = { conversationId: props.conversationId };
  const error = [takeOver, handBack, resolve, reopen].find((m) => m.error)?.error;
  const handoff = usePlanAllows('liveHandoff');
  return (
    <div className="transcript__actions">
      <div className="actions">
        {handoff === false ? (
          <UpgradeHint feature="liveHandoff" />
        ) : props.botPaused ? (
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={handBack.isPending}
            onClick={() => handBack.mutate(input)}
          >
            Hand back to bot
          </button>
        ) : (
          <button
            type="button"
            className="button button--small"
            disabled={takeOver.isPending}
            onClick={() => takeOver.mutate(input)}
          >
            Take over
          </button>
        )}
        {props.resolved ? (
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={reopen.isPending}
            onClick={() => reopen.mutate(input)}
          >
            Reopen
          </button>
        ) : (
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={resolve.isPending}
            onClick={() => resolve.mutate(input)}
          >
            Resolve
          </button>
        )}
      </div>
      <ExportButtons request={{ ids: [props.conversationId] }} label="this conversation" />
      {error && (
        <p role="alert" className="field__error">
          {error.message}
        </p>
      )}
    </div>
  );
}
