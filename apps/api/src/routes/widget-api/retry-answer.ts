import {
  answerStoredMessage,
  customerSource,
  findRetriedMessage,
  type RetriedMessage,
  type SourceScope,
} from '@replyline/core';
import { HttpError } from '../../http';
import { openEventStream, streamingStepMs, type EventStream } from '../../public/sse';
import type { VisitorGrant } from '../../public/visitor-token';
import type { RequestContext } from '../../router';
import { streamAnswer } from './send-message';

/**
 * The widget asks again about a message it sent whose answer broke off (the API process died
 * mid-stream, the connection dropped): the message is stored already, so it is never stored
 * twice. The same events as a first answer: `visitor_message` with the stored id, then the
 * stored answer if one was completed meanwhile, else a new answer streamed now (or `done` with
 * handledByHuman when a person has taken over).
 */
export async function answerRetry(ctx: RequestContext, grant: VisitorGrant, messageId: string) {
  const { db, publicApi } = ctx.app;
  const scope: SourceScope = { tenantId: grant.tenantId, conversationId: grant.conversationId };
  const retried = await findRetriedMessage(db, grant.tenantId, grant.conversationId, messageId);
  if (!retried) throw new HttpError(404, 'That message is not in this conversation.', 'not_found');
  const stream = openEventStream(ctx.res);
  await stream.send('visitor_message', {
    id: messageId,
    createdAt: retried.createdAt.toISOString(),
  });
  if (retried.answer) return replayAnswer(stream, retried.answer, scope);
  if (retried.botPaused) return endHandledByHuman(stream);
  const abort = new AbortController();
  ctx.res.on('close', () => abort.abort());
  const events = answerStoredMessage(db, grant.tenantId, grant.conversationId, retried.content, {
    model: publicApi.chat.model,
    embedder: publicApi.chat.embedder,
    signal: abort.signal,
    batchIntervalMs: streamingStepMs(),
  });
  await streamAnswer(ctx, stream, events, { scope });
}

async function replayAnswer(
  stream: EventStream,
  answer: NonNullable<RetriedMessage['answer']>,
  scope: SourceScope,
) {
  await stream.send('token', { text: answer.content });
  await stream.send('sources', {
    sources: answer.sources.map((source, index) => customerSource(source, index, scope)),
  });
  await stream.send('done', {
    messageId: answer.id,
    escalationSuggested: false,
    reason: null,
    handledByHuman: false,
  });
  stream.end();
}

async function endHandledByHuman(stream: EventStream) {
  await stream.send('done', {
    messageId: null,
    escalationSuggested: false,
    reason: null,
    handledByHuman: true,
  });
  stream.end();
}
