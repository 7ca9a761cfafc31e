import { queueFrom } from '@replyline/core';
import {
  getPushSubscription,
  pushAssignment,
  subscribePush,
  unsubscribePush,
  vapidKeys,
  ZPushEndpoint,
  ZPushSubscriptionInput,
  type Assignment,
} from '@replyline/core/push';
import type { Context } from '@replyline/core';
import type { TenantId } from '@replyline/db';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';

const member = tenantProcedure.meta({ role: 'agent' });

/** "Notify me on this device": this browser's Web Push subscription in this workspace. */
export const pushRouter = router({
  /** The server's VAPID public key, for `pushManager.subscribe({ applicationServerKey })`. */
  publicKey: member.query(() => ({ publicKey: vapidKeys().publicKey })),

  status: member
    .input(ZPushEndpoint)
    .query(({ ctx, input }) =>
      getPushSubscription(ctx.db, ctx.tenantId, ctx.userId, input.endpoint),
    ),

  subscribe: member
    .input(ZPushSubscriptionInput)
    .mutation(({ ctx, input }) => subscribePush(ctx.db, ctx.tenantId, ctx.userId, input)),

  unsubscribe: member
    .input(ZPushEndpoint)
    .mutation(({ ctx, input }) =>
      unsubscribePush(ctx.db, ctx.tenantId, ctx.userId, input.endpoint),
    ),
});

/**
 * Queues pushes to the member a chat or ticket was just given to. Without a queue (tests of
 * other things) there is nobody to push through, and the assignment stands regardless.
 */
export async function pushToAssignee(
  ctx: Context & { tenantId: TenantId },
  assignment: Assignment,
): Promise<void> {
  if (!ctx.enqueue) return;
  await pushAssignment({ db: ctx.db, queue: queueFrom(ctx.enqueue) }, ctx.tenantId, assignment);
}
