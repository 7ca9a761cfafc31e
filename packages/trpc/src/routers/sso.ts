import { z } from 'zod';
import { actorOf } from '@replyline/core';
import { getSsoConnection } from '@replyline/core/sso';
import { deleteSsoConnection, setSsoEnabled } from '@replyline/core/sso';
import { saveSsoConnection } from '@replyline/core/sso';
import { ZSaveSsoConnection } from '@replyline/core/sso';
import { startDomainVerification, verifySsoDomain } from '@replyline/core/sso';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';

/** Owners and admins set up single sign-on (Business plan; each change checks the plan). */
const admin = tenantProcedure.meta({ role: 'admin' });

export const ssoRouter = router({
  /** The connection (never its secret), the TXT record to publish, and whether sign-in uses it. */
  get: admin.query(({ ctx }) => getSsoConnection(ctx.db, ctx.tenantId)),

  save: admin
    .input(ZSaveSsoConnection)
    .mutation(({ ctx, input }) => saveSsoConnection(ctx.db, actorOf(ctx), input)),

  startVerification: admin.mutation(({ ctx }) => startDomainVerification(ctx.db, actorOf(ctx))),

  verifyDomain: admin.mutation(({ ctx }) => verifySsoDomain(ctx.db, actorOf(ctx))),

  setEnabled: admin
    .input(z.object({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setSsoEnabled(ctx.db, actorOf(ctx), input.enabled)),

  delete: admin.mutation(({ ctx }) => deleteSsoConnection(ctx.db, actorOf(ctx))),
});
