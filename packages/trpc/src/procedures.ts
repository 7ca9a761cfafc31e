import { assertWorkspaceAllows } from '@replyline/billing';
import { roleMeets } from '@replyline/core';
import { schema, withUser, type Database, type TenantId, type UserId } from '@replyline/db';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import { baseProcedure } from './trpc';
import { refuseOtherWorkspace } from './workspace-guard';

export const publicProcedure = baseProcedure;

/** A signed-in user, with or without a workspace. */
export const authedProcedure = baseProcedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, userId: ctx.userId } });
});

/**
 * A member of the selected workspace with at least the procedure's role (`meta.role`,
 * default agent), on a plan with the procedure's feature (`meta.feature`) if it names one.
 * Membership is read once per call, as the user (RLS: own memberships only); the tenant id
 * handed on comes from that row, never from the request.
 */
export const tenantProcedure = authedProcedure.use(async ({ ctx, meta, next }) => {
  const needed = meta?.role ?? 'agent';
  if (!ctx.selectedTenantId)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Choose a workspace first.' });
  const member = await findMembership(ctx.db, ctx.userId, ctx.selectedTenantId);
  if (!member)
    throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not a member of this workspace.' });
  await refuseOtherWorkspace({ ...ctx, selectedTenantId: member.tenantId });
  if (!roleMeets(member.role, needed))
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `This needs the ${needed} role; you are an ${member.role}.`,
    });
  // The plan is checked after the role: a member who may not do this anyway hears that first.
  const feature = meta?.feature;
  if (feature) await assertWorkspaceAllows(ctx.db, member.tenantId, feature);
  return next({ ctx: { ...ctx, tenantId: member.tenantId, role: member.role } });
});

async function findMembership(db: Database, userId: UserId, tenantId: TenantId) {
  const { memberships } = schema;
  const [row] = await withUser(db, userId, (tx) =>
    tx
      .select({ tenantId: memberships.tenantId, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.tenantId, tenantId))),
  );
  return row ? { tenantId: row.tenantId as TenantId, role: row.role } : null;
}
