import { actorOf } from '@replyline/core';
import { createApiKey, listApiKeys, revokeApiKey, ZCreateApiKey } from '@replyline/core/api-keys';
import { z } from 'zod';
import { tenantProcedure } from '../procedures';
import { router } from '../trpc';

/** Secret keys reach every document and conversation: owners and admins manage them. */
const admin = tenantProcedure.meta({ role: 'admin' });

export const apiKeysRouter = router({
  /** Every key of the workspace, revoked ones too (never a secret). */
  list: admin.query(({ ctx }) => listApiKeys(ctx.db, ctx)),

  /** The new key is in this answer only; it cannot be shown again. */
  create: admin
    .input(ZCreateApiKey)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, actorOf(ctx), input)),

  revoke: admin
    .input(z.object({ keyId: z.uuid() }))
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, actorOf(ctx), input)),
});
