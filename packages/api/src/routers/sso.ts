import { z } from 'zod';
import { actorOf } from '../domain/request';
import { getSsoConnection } from '../domain/sso/get-sso-connection';
import { deleteSsoConnection, setSsoEnabled } from '../domain/sso/manage-sso-connection';
import { saveSsoConnection } from '../domain/sso/save-sso-connection';
import { ZSaveSsoConnection } from '../domain/sso/sso-schema';
import { startDomainVerification, verifySsoDomain } from '../domain/sso/verify-sso-domain';
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
