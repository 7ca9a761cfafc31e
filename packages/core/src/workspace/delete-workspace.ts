import { createHmac } from 'node:crypto';
import { cancelSubscription, type Stripe } from '@replyline/billing';
import { purposeKey, schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { DomainError } from '../domain-error';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { eraseTenantJobs } from '../settings/erase-queue-jobs';

const { outboundEmails, tenants } = schema;

export const ZDeleteWorkspace = z.object({
  /** The workspace's name, typed by the owner: a deletion cannot happen by a stray click. */
  confirmName: z.string().max(200),
});
export type TDeleteWorkspace = z.infer<typeof ZDeleteWorkspace>;

export interface WorkspaceDeletion {
  /** A keyed hash of the workspace id: support can confirm a deletion without keeping who it was. */
  receipt: string;
  subscriptionCanceled: boolean;
  emails: number;
  jobs: number;
}

/*
 * What a workspace deletion removes: the tenants row, and with it (ON DELETE CASCADE, checked
 * for every tenant_id table by delete-workspace.integration.test.ts) every tenant-owned row:
 * members, invitations, knowledge with its stored files, chunks and search statistics,
 * conversations, tickets, events, usage, SSO, and the audit log. The platform tables hold the
 * rest: its emails (outbound_emails, matched on their metadata) and its queue jobs are deleted
 * here. Its paid Stripe subscription is canceled first, so a failure there deletes nothing.
 *
 * What survives: no row. The audit log is tenant-owned, so an entry about the deletion would
 * either be deleted with it or need a platform table naming the workspace, which is what was
 * asked to go. The caller gets an anonymous receipt instead (a keyed hash of the id). User
 * accounts and sessions are the people's own, not the workspace's: members stay signed in and
 * keep their other workspaces. Stripe keeps its invoices, as the law requires of it.
 */
export async function deleteWorkspace(
  deps: { db: Database; stripe?: Stripe | null },
  tenantId: TenantId,
  input: TDeleteWorkspace,
): Promise<WorkspaceDeletion> {
  const tenant = await readWorkspace(deps.db, tenantId);
  if (input.confirmName.trim() !== tenant.name.trim())
    throw new DomainError(
      'bad_input',
      `Type the workspace name, ${tenant.name}, exactly to delete it.`,
    );
  const subscriptionCanceled = await endSubscription(deps.stripe, tenant);
  const removed = await removeWorkspaceRows(deps.db, tenantId);
  return { receipt: workspaceReceipt(tenantId), subscriptionCanceled, ...removed };
}

async function readWorkspace(db: Database, tenantId: TenantId) {
  const [tenant] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({
        name: tenants.name,
        subscriptionId: tenants.stripeSubscriptionId,
        status: tenants.subscriptionStatus,
      })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
  );
  if (!tenant) throw new DomainError('not_found', 'This workspace is gone.');
  return tenant;
}

/** Without Stripe configured (local, tests) there is nothing to cancel. */
async function endSubscription(
  stripe: Stripe | null | undefined,
  tenant: { subscriptionId: string | null; status: string | null },
): Promise<boolean> {
  if (!stripe || !tenant.subscriptionId || tenant.status === 'canceled') return false;
  await cancelSubscription(stripe, tenant.subscriptionId);
  return true;
}

async function removeWorkspaceRows(db: Database, tenantId: TenantId) {
  return withTenant(db, tenantId, async (tx) => {
    const emails = await tx
      .delete(outboundEmails)
      .where(sql`${outboundEmails.metadata}->>'tenantId' = ${tenantId}`)
      .returning({ id: outboundEmails.id });
    const jobs = await eraseTenantJobs(
      tx,
      tenantId,
      emails.map((e) => e.id),
    );
    await tx.delete(tenants).where(eq(tenants.id, tenantId));
    return { emails: emails.length, jobs };
  });
}

function workspaceReceipt(tenantId: TenantId): string {
  const digest = createHmac('sha256', purposeKey('workspace-deletion-receipt'))
    .update(tenantId)
    .digest('hex');
  return `workspace:${digest.slice(0, 24)}`;
}
