import { notFound, actorOf } from '@replyline/core';
import {
  actionKinds,
  actionsMayReachLocal,
  createAction,
  deleteAction,
  listActions,
  setActionEnabled,
  tryAction,
  updateAction,
  ZActionInput,
  ZUpdateAction,
} from '@replyline/core/actions';
import { z } from 'zod';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';

/** Actions reach the business's systems with its secrets: admins manage and try them. */
const admin = tenantProcedure.meta({ role: 'admin' });

/** Actions: what the assistant may run for a visitor (built-in integrations or own endpoints). */
export const actionsRouter = router({
  kinds: admin.query(() => actionKinds()),

  list: admin.query(({ ctx }) => listActions(ctx.db, ctx.tenantId)),

  create: admin
    .input(ZActionInput)
    .mutation(({ ctx, input }) => createAction(ctx.db, actorOf(ctx), input)),

  update: admin.input(ZUpdateAction).mutation(async ({ ctx, input }) => {
    const updated = await updateAction(ctx.db, actorOf(ctx), input);
    if (!updated) throw notFound('action');
    return updated;
  }),

  setEnabled: admin
    .input(z.object({ id: z.uuid(), enabled: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const updated = await setActionEnabled(ctx.db, actorOf(ctx), input);
      if (!updated) throw notFound('action');
      return updated;
    }),

  delete: admin.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    if (!(await deleteAction(ctx.db, actorOf(ctx), input.id))) throw notFound('action');
  }),

  /** "Try it": runs the action as a signed-in visitor would, and shows the card it made. */
  tryIt: admin
    .input(
      z.object({
        id: z.uuid(),
        params: z.record(z.string(), z.unknown()).default({}),
        visitorEmail: z.email().optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      tryAction(
        { db: ctx.db, allowLocal: actionsMayReachLocal() },
        {
          tenantId: ctx.tenantId,
          actionId: input.id,
          params: input.params,
          visitor: input.visitorEmail ? { email: input.visitorEmail } : undefined,
        },
      ),
    ),
});
