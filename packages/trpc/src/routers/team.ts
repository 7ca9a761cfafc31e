import { schema } from '@replyline/db';
import { z } from 'zod';
import { acceptInvitation } from '@replyline/core/team';
import { changeMemberRole } from '@replyline/core/team';
import { inviteMember } from '@replyline/core/team';
import { listTeam } from '@replyline/core/team';
import { removeMember } from '@replyline/core/team';
import { revokeInvitation } from '@replyline/core/team';
import { queueFrom, required } from '@replyline/core';
import { authedProcedure, tenantProcedure } from '../procedures';
import { router } from '../trpc';

const ZRole = z.enum(schema.memberRole.enumValues, { error: 'must be owner, admin or agent' });

export const teamRouter = router({
  /** Members with name and email, and invitations not yet accepted. */
  list: tenantProcedure.meta({ role: 'agent' }).query(({ ctx }) => listTeam(ctx.db, ctx.tenantId)),

  /** Emails an invitation link; owners alone invite owners. */
  invite: tenantProcedure
    .meta({ role: 'admin' })
    .input(
      z.object({ email: z.email({ error: 'must be an email address' }).max(320), role: ZRole }),
    )
    .mutation(({ ctx, input }) => {
      const enqueue = required(ctx.enqueue, 'Email sending is not set up on this server.');
      const dashboardUrl = required(
        ctx.dashboardUrl,
        "The dashboard's address is not configured, so no invitation link can be made.",
      );
      return inviteMember({ db: ctx.db, queue: queueFrom(enqueue), dashboardUrl }, ctx, input);
    }),

  /** The signed-in user joins with the code from their invitation link (no workspace needed). */
  accept: authedProcedure
    .input(z.object({ code: z.string().trim().min(1).max(300) }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx, input.code)),

  changeRole: tenantProcedure
    .meta({ role: 'admin' })
    .input(z.object({ userId: z.uuid(), role: ZRole }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx, input)),

  remove: tenantProcedure
    .meta({ role: 'admin' })
    .input(z.object({ userId: z.uuid() }))
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx, input)),

  revokeInvitation: tenantProcedure
    .meta({ role: 'admin' })
    .input(z.object({ invitationId: z.uuid() }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx, input)),
});
