import { formatLimit, planById } from '@replyline/billing';
import { schema, withTenant, type Database, type PgBoss, type TenantDb } from '@replyline/db';
import { sendEmail } from '@replyline/email';
import { DomainError } from '../domain-error';
import { and, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { roleMeets } from '../team/roles';
import type { MemberRole } from '../team/roles';
import { baseUrl, type Actor } from '../services';
import { INVITATION_TTL_MS, invitationCode, newInvitationToken } from './invitation-token';

const { invitations, memberships, tenants, users } = schema;

export interface InviteDeps {
  db: Database;
  queue: Pick<PgBoss, 'send'>;
  dashboardUrl: string;
}

export interface InviteInput {
  email: string;
  role: MemberRole;
}

/**
 * Invites a person by email: stores the invitation (only the token's hash), then emails the
 * accept link. Inviting the same address again replaces the earlier invitation, so "resend"
 * is just inviting again. Owners alone may invite owners; the plan's seats count members and
 * open invitations alike.
 */
export async function inviteMember(
  deps: InviteDeps,
  actor: Actor & { role: MemberRole },
  input: InviteInput,
  now: Date = new Date(),
): Promise<{ invitationId: string; email: string; expiresAt: Date }> {
  if (input.role === 'owner' && actor.role !== 'owner')
    throw new DomainError('forbidden', 'Only an owner can invite another owner.');
  const email = input.email.trim().toLowerCase();
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);

  const invited = await withTenant(deps.db, actor.tenantId, async (tx) => {
    await refuseExistingMember(tx, actor, email);
    // An earlier invitation to this address is replaced: its link stops working.
    const earlier = and(
      eq(invitations.tenantId, actor.tenantId),
      sql`lower(${invitations.email}) = ${email}`,
      isNull(invitations.acceptedAt),
    );
    await refuseReplacingHigherRole(tx, actor, email, earlier);
    await tx.delete(invitations).where(earlier);
    const workspace = await checkSeats(tx, actor, now);
    const [row] = await tx
      .insert(invitations)
      .values({
        tenantId: actor.tenantId,
        email,
        role: input.role,
        tokenHash,
        invitedBy: actor.userId,
        expiresAt,
      })
      .returning({ id: invitations.id });
    await recordAudit(tx, actor, {
      action: 'team.member_invited',
      targetType: 'invitation',
      targetId: row!.id,
      details: { email, role: input.role },
    });
    const [inviter] = await tx
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, actor.userId));
    return { id: row!.id, workspaceName: workspace, inviterName: inviter?.name || inviter?.email };
  });

  // Sent after the commit: the email service writes through its own connection.
  await sendEmail(deps, {
    to: email,
    template: 'team-invite',
    props: {
      inviterName: invited.inviterName ?? 'A teammate',
      workspaceName: invited.workspaceName,
      role: input.role,
      acceptUrl: `${baseUrl(deps.dashboardUrl)}/invite/${invitationCode(actor.tenantId, token)}`,
    },
    metadata: { tenantId: actor.tenantId, invitationId: invited.id },
  });
  return { invitationId: invited.id, email, expiresAt };
}

async function refuseExistingMember(tx: TenantDb, actor: Actor, email: string) {
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, actor.tenantId), sql`lower(${users.email}) = ${email}`));
  if (member) throw new DomainError('conflict', `${email} is already a member of this workspace.`);
}

/**
 * Replacing an invitation withdraws it, so the same rule as withdrawing applies: an admin
 * re-inviting an owner's invitee as agent would otherwise cancel the owner's invitation.
 */
async function refuseReplacingHigherRole(
  tx: TenantDb,
  actor: Actor & { role: MemberRole },
  email: string,
  earlier: SQL | undefined,
) {
  const open = await tx.select({ role: invitations.role }).from(invitations).where(earlier);
  const above = open.find((invitation) => !roleMeets(actor.role, invitation.role));
  if (above)
    throw new DomainError(
      'forbidden',
      `${email} has an open ${above.role} invitation; only an ${above.role} can replace it.`,
    );
}

/** Refuses when members plus open invitations fill the plan's seats; returns the workspace's name. */
async function checkSeats(tx: TenantDb, actor: Actor, now: Date): Promise<string> {
  const [workspace] = await tx
    .select({ name: tenants.name, plan: tenants.plan })
    .from(tenants)
    .where(eq(tenants.id, actor.tenantId));
  const plan = planById(workspace!.plan);
  if (plan.seats === 'unlimited') return workspace!.name;
  const members = await tx.$count(memberships, eq(memberships.tenantId, actor.tenantId));
  const open = await tx.$count(
    invitations,
    and(
      eq(invitations.tenantId, actor.tenantId),
      isNull(invitations.acceptedAt),
      gt(invitations.expiresAt, now),
    ),
  );
  if (members + open >= plan.seats)
    throw new DomainError(
      'precondition_failed',
      `The ${plan.name} plan includes ${formatLimit(plan.seats, 'team seat')}, and ${members + open === 1 ? 'it is' : 'all are'} taken (${formatLimit(members, 'member')}, ${formatLimit(open, 'open invitation')}). Upgrade the plan to invite more people.`,
    );
  return workspace!.name;
}
