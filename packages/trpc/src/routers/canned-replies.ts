import { z } from 'zod';
import {
  createCannedReply,
  deleteCannedReply,
  listCannedReplies,
  updateCannedReply,
  ZCannedReply,
  ZUpdateCannedReply,
} from '@replyline/core/canned-replies';
import { notFound } from '@replyline/core';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';

const agent = tenantProcedure.meta({ role: 'agent' });
/** The workspace's shared wording: admins keep it, every agent uses it. */
const admin = tenantProcedure.meta({ role: 'admin' });

/** Canned replies: saved snippets agents insert with "/" in the reply box. */
export const cannedRepliesRouter = router({
  list: agent.query(({ ctx }) => listCannedReplies(ctx.db, ctx.tenantId)),

  create: admin
    .input(ZCannedReply)
    .mutation(({ ctx, input }) => createCannedReply(ctx.db, ctx.tenantId, ctx.userId, input)),

  update: admin.input(ZUpdateCannedReply).mutation(async ({ ctx, input }) => {
    const updated = await updateCannedReply(ctx.db, ctx.tenantId, input);
    if (!updated) throw notFound('canned reply');
    return updated;
  }),

  delete: admin.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    if (!(await deleteCannedReply(ctx.db, ctx.tenantId, input.id))) throw notFound('canned reply');
  }),
});
