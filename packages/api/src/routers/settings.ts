import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { domainCall } from '../domain/errors';
import { actorOf } from '../domain/request';
import { ZCustomer } from '../domain/settings/customer-scope';
import { eraseCustomerData } from '../domain/settings/erase-customer-data';
import { exportCustomerData } from '../domain/settings/export-customer-data';
import { listAuditLog, ZListAuditLog } from '../domain/settings/list-audit-log';
import {
  getRetentionDays,
  setRetentionDays,
  ZRetentionDays,
} from '../domain/settings/retention-setting';
import { webhooksMayReachLocal } from '../domain/webhooks/env';
import { getTenantWebhook, setTenantWebhook } from '../domain/webhooks/tenant-webhook';
import { webhookUrlProblem } from '../domain/webhooks/webhook-url';
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
    .mutation(({ ctx, input }) =>
      domainCall(() => setRetentionDays(ctx.db, actorOf(ctx), input.days)),
    ),

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
