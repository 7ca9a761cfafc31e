import { actorOf, dashboardUrlOf } from '@replyline/core';
import {
  alertEndpoints,
  createAlertChannel,
  deleteAlertChannel,
  listAlertChannels,
  sendTestAlert,
  updateAlertChannel,
  ZCreateAlertChannel,
  ZUpdateAlertChannel,
} from '@replyline/core/alerts';
import { webhooksMayReachLocal } from '@replyline/core/webhooks';
import { z } from 'zod';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';

/** Alert channels hold provider tokens and reach people's phones: owners and admins. */
const admin = tenantProcedure.meta({ role: 'admin' });
const ZChannel = z.object({ channelId: z.uuid() });

export const alertsRouter = router({
  /** Every channel, failing ones marked with the provider's last answer; never a token. */
  list: admin.query(({ ctx }) => listAlertChannels(ctx.db, ctx)),

  /** A signed-webhook channel's signing secret is in this answer only. */
  create: admin
    .input(ZCreateAlertChannel)
    .mutation(({ ctx, input }) =>
      createAlertChannel(ctx.db, actorOf(ctx), input, { allowLocal: webhooksMayReachLocal() }),
    ),

  update: admin
    .input(ZUpdateAlertChannel)
    .mutation(({ ctx, input }) => updateAlertChannel(ctx.db, actorOf(ctx), input)),

  remove: admin
    .input(ZChannel)
    .mutation(({ ctx, input }) => deleteAlertChannel(ctx.db, actorOf(ctx), input)),

  /** Sends a test message now and answers with the provider's refusal, if any. */
  sendTest: admin.input(ZChannel).mutation(({ ctx, input }) =>
    sendTestAlert(
      {
        db: ctx.db,
        allowLocal: webhooksMayReachLocal(),
        dashboardUrl: dashboardUrlOf(ctx),
        endpoints: alertEndpoints(),
      },
      ctx,
      input,
    ),
  ),
});
