import { createTenant, schema, withTenant, withUser } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { deleteWorkspace, ZDeleteWorkspace } from '@replyline/core/workspace';
import { authedProcedure, tenantProcedure } from '../procedures';
import { router } from '../trpc';

const { memberships, tenants } = schema;

export const workspaceRouter = router({
  /** The workspaces the user belongs to, for the switcher. */
  list: authedProcedure.query(({ ctx }) =>
    withUser(ctx.db, ctx.userId, (tx) =>
      tx
        .select({ id: tenants.id, name: tenants.name, role: memberships.role })
        .from(memberships)
        .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
        .where(eq(memberships.userId, ctx.userId))
        .orderBy(tenants.name),
    ),
  ),

  /** The selected workspace and the member's role in it. */
  current: tenantProcedure.meta({ role: 'agent' }).query(async ({ ctx }) => {
    const [tenant] = await ctx.db
      .select({
        id: tenants.id,
        name: tenants.name,
        plan: tenants.plan,
        onboarding: tenants.onboarding,
      })
      .from(tenants)
      .where(eq(tenants.id, ctx.tenantId));
    return { ...tenant!, role: ctx.role };
  }),

  /** A new workspace with the user as its owner (sign-up and "new workspace"). */
  create: authedProcedure
    .input(
      z.object({
        name: z.string().trim().min(2).max(80),
        siteUrl: z.url().optional(),
        language: z
          .enum(['english', 'swedish', 'norwegian', 'danish', 'german'])
          .default('english'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const slug = `${slugify(input.name)}-${Math.random().toString(36).slice(2, 8)}`;
      const siteOrigin = input.siteUrl ? new URL(input.siteUrl).origin : undefined;
      const { tenantId } = await createTenant(ctx.db, {
        name: input.name,
        slug,
        language: input.language,
        siteUrl: input.siteUrl,
        allowedOrigins: siteOrigin ? [siteOrigin] : [],
        // Created in the widget editor, where it is shown the one time it can be.
        identitySecret: false,
      });
      await withTenant(ctx.db, tenantId, (tx) =>
        tx.insert(memberships).values({ tenantId, userId: ctx.userId, role: 'owner' }),
      );
      return { tenantId };
    }),

  /** Deletes the selected workspace and everything in it; the owner types its name to confirm. */
  delete: tenantProcedure
    .meta({ role: 'owner' })
    .input(ZDeleteWorkspace)
    .mutation(({ ctx, input }) =>
      deleteWorkspace({ db: ctx.db, stripe: ctx.stripe }, ctx.tenantId, input),
    ),
});

function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug.length >= 2 ? slug : 'workspace';
}
