import {
  announceTyping,
  assignConversation,
  getConversationState,
  handBackToBot,
  postAgentMessage,
  takeOverConversation,
  ZAssignConversation,
} from '@replyline/core';
import { withTenant } from '@replyline/db';
import { z } from 'zod';
import { recordAudit } from '@replyline/core';
import { addInternalNote, setConversationStatus } from '@replyline/core/inbox';
import { listConversationChanges } from '@replyline/core/inbox';
import { exportConversations, ZExportConversations } from '@replyline/core/inbox';
import { getTranscript } from '@replyline/core/inbox';
import { listConversations, ZListConversations } from '@replyline/core/inbox';
import { actorOf, notFound, queueOf } from '@replyline/core';
import { tenantProcedure } from '../procedures';
import { pushToAssignee } from './push';
import { router } from '../trpc';

const agent = tenantProcedure.meta({ role: 'agent' });
/** Taking over, answering as a person and handing back: live hand-off, a Pro feature. */
const handoff = tenantProcedure.meta({ role: 'agent', feature: 'liveHandoff' });
const ZConversation = z.object({ conversationId: z.uuid() });
const ZText = z.string().trim().min(1, 'Write something first.').max(4000);

/** The conversations inbox: read, take over, answer, annotate, close and export. */
export const inboxRouter = router({
  list: agent
    .input(ZListConversations)
    .query(({ ctx, input }) => listConversations(ctx.db, ctx.tenantId, input, ctx.userId)),

  /** Conversations changed after `since`, for a live list (poll with the returned cursor). */
  changesSince: agent
    .input(z.object({ since: z.coerce.date() }))
    .query(({ ctx, input }) => listConversationChanges(ctx.db, ctx.tenantId, input.since)),

  transcript: agent.input(ZConversation).query(async ({ ctx, input }) => {
    const transcript = await getTranscript(ctx.db, ctx.tenantId, input.conversationId);
    if (!transcript) throw notFound('conversation');
    return transcript;
  }),

  /**
   * Gives the conversation to a member (a transfer when someone else held it) or to nobody;
   * a person holding it keeps the bot paused.
   */
  assign: agent.input(ZAssignConversation).mutation(async ({ ctx, input }) => {
    const assigned = await assignConversation(ctx.db, ctx.tenantId, ctx.userId, input);
    if (!assigned) throw notFound('conversation');
    await pushToAssignee(ctx, {
      assigneeUserId: input.assigneeUserId,
      byUserId: ctx.userId,
      conversationId: input.conversationId,
    });
    return assigned;
  }),

  /** The bot pauses and the conversation is the agent's until handed back. */
  takeOver: handoff.input(ZConversation).mutation(async ({ ctx, input }) => {
    const found = await takeOverConversation(
      ctx.db,
      ctx.tenantId,
      input.conversationId,
      ctx.userId,
    );
    if (!found) throw notFound('conversation');
  }),

  /** Answers as a person; the customer's open widget shows it at once (realtime signal). */
  reply: handoff
    .input(ZConversation.extend({ content: ZText }))
    .mutation(async ({ ctx, input }) => {
      if (!(await getConversationState(ctx.db, ctx.tenantId, input.conversationId)))
        throw notFound('conversation');
      return postAgentMessage(ctx.db, ctx.tenantId, input.conversationId, {
        authorUserId: ctx.userId,
        content: input.content,
      });
    }),

  /**
   * The bot answers again: it tells the customer, and answers (once, in the background) what
   * they wrote while it was quiet and nobody answered.
   */
  handBack: handoff.input(ZConversation).mutation(async ({ ctx, input }) => {
    if (!(await getConversationState(ctx.db, ctx.tenantId, input.conversationId)))
      throw notFound('conversation');
    const queue = queueOf(ctx);
    await handBackToBot({ db: ctx.db, queue }, ctx.tenantId, input.conversationId);
  }),

  /**
   * The agent is typing: the customer's widget shows it. Never stored; at most one signal per
   * conversation every 2 s (more are dropped). Answers whether a signal went out.
   */
  typing: agent.input(ZConversation).mutation(async ({ ctx, input }) => ({
    announced: await announceTyping(ctx.db, ctx.tenantId, input.conversationId, 'agent'),
  })),

  /** A note for the team only; the customer never sees it. */
  addNote: agent
    .input(ZConversation.extend({ content: ZText }))
    .mutation(async ({ ctx, input }) => {
      const note = await addInternalNote(ctx.db, ctx.tenantId, input.conversationId, {
        authorUserId: ctx.userId,
        content: input.content,
      });
      if (!note) throw notFound('conversation');
      return note;
    }),

  resolve: agent.input(ZConversation).mutation(async ({ ctx, input }) => {
    const change = { status: 'resolved', byUserId: ctx.userId } as const;
    if (!(await setConversationStatus(ctx.db, ctx.tenantId, input.conversationId, change)))
      throw notFound('conversation');
  }),

  reopen: agent.input(ZConversation).mutation(async ({ ctx, input }) => {
    const change = { status: 'open', byUserId: ctx.userId } as const;
    if (!(await setConversationStatus(ctx.db, ctx.tenantId, input.conversationId, change)))
      throw notFound('conversation');
  }),

  /** A file of conversations (CSV or JSON); customer data leaving the product is audited. */
  export: agent.input(ZExportConversations).mutation(async ({ ctx, input }) => {
    const file = await exportConversations(ctx.db, ctx.tenantId, input, ctx.userId);
    await withTenant(ctx.db, ctx.tenantId, (tx) =>
      recordAudit(tx, actorOf(ctx), {
        action: 'conversations.exported',
        targetType: 'conversation',
        targetId: input.ids?.length === 1 ? input.ids[0] : undefined,
        details: { format: input.format, count: file.conversationCount },
      }),
    );
    return file;
  }),
});
