import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { actorOf } from '@replyline/core';
import { ZCustomer } from '@replyline/core/settings';
import { eraseCustomerData } from '@replyline/core/settings';
import { exportCustomerData } from '@replyline/core/settings';
import { listAuditLog, ZListAuditLog } from '@replyline/core/settings';
import { getRetentionDays, setRetentionDays, ZRetentionDays } from '@replyline/core/settings';
import { webhooksMayReachLocal } from '@replyline/core/webhooks';
import { getTenantWebhook, setTenantWebhook } from '@replyline/core/webhooks';
import { webhookUrlProblem } from '@replyline/core/webhooks';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';

const admin = tenantProcedure.meta({ role: 'admin' });
// Reading the retention setting stays open on every plan: after a downgrade the page shows the
// kept setting as paused. Changing it, and the audit log, are Business features.
const retentionAdmin = tenantProcedure.meta({ role: 'admin', feature: 'retention' });
const auditAdmin = tenantProcedure.meta({ role: 'admin', feature: 'auditLog' });

/** Workspace settings for data: retention, customers' data rights, the ticket webhook, the audit log. */
export const settingsRouter = router({
  retention: admin.query(async ({ ctx }) => ({
    days: await getRetentionDays(ctx.db, ctx.tenantId),
  })),

  setRetention: retentionAdmin
    .input(z.object({ days: ZRetentionDays }))
    .mutation(({ ctx, input }) => setRetentionDays(ctx.db, actorOf(ctx), input.days)),

  /** Everything stored about one end customer, as JSON (a data access request). */
  exportCustomer: admin
    .input(ZCustomer)
    .mutation(({ ctx, input }) => exportCustomerData(ctx.db, actorOf(ctx), input)),

  /** Erases one end customer everywhere (a data erasure request). */
  deleteCustomer: admin
    .input(ZCustomer)
    .mutation(({ ctx, input }) => eraseCustomerData(ctx.db, actorOf(ctx), input)),

  webhook: admin.query(({ ctx }) => getTenantWebhook(ctx.db, ctx.tenantId)),

  /** Sets the address new tickets are posted to; the signing secret is shown only now. */
  setWebhook: admin
    .input(z.object({ url: z.string().trim().min(1).max(2000) }))
    .mutation(({ ctx, input }) => {
      const problem = webhookUrlProblem(input.url, { allowLocal: webhooksMayReachLocal() });
      if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: problem });
      return setTenantWebhook(ctx.db, actorOf(ctx), input.url);
    }),

  clearWebhook: admin.mutation(async ({ ctx }) => {
    await setTenantWebhook(ctx.db, actorOf(ctx), null);
  }),

  auditLog: auditAdmin
    .input(ZListAuditLog)
    .query(({ ctx, input }) => listAuditLog(ctx.db, ctx.tenantId, input)),
});
