import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { Actor } from '../services';

/** The steps of a new workspace's checklist, in the order the dashboard shows them. */
export const ONBOARDING_STEPS = ['workspace', 'branding', 'knowledge', 'embed'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];
export type StepState = 'done' | 'skipped' | 'pending';

const { tenants, widgetSightings } = schema;

/** Each step's state, read from `tenants.onboarding` (step -> 'done' | 'skipped'). */
export async function getOnboarding(db: Database, tenantId: TenantId) {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({
        onboarding: tenants.onboarding,
        // Green once the loader ran on a site that is (still) allowed: the snippet really works.
        // Uncorrelated (the tenant by value, its allow-list read inside): Citus refuses a
        // subquery correlated with the outer `tenants`, a reference table there.
        widgetSeen: sql<boolean>`exists (
          select 1 from ${widgetSightings} ws join ${tenants} own on own.id = ws.tenant_id
          where ws.tenant_id = ${tenantId} and own.id = ${tenantId}
            and ws.allowed and ws.origin = any(own.allowed_origins))`,
      })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
  );
  const stored = (row?.onboarding ?? {}) as Record<string, unknown>;
  const steps = ONBOARDING_STEPS.map((step) => ({ step, state: stateOf(stored[step]) }));
  return {
    steps,
    complete: steps.every((s) => s.state !== 'pending'),
    widgetSeen: row?.widgetSeen === true,
  };
}

function stateOf(value: unknown): StepState {
  if (value === 'done' || value === true) return 'done';
  if (value === 'skipped') return 'skipped';
  return 'pending';
}

/**
 * Marks one step done or skipped. Merged into the stored object by Postgres, so two steps
 * marked at once (two tabs) both stay.
 */
export async function markOnboardingStep(
  db: Database,
  actor: Actor,
  input: { step: OnboardingStep; value: 'done' | 'skipped' },
) {
  await withTenant(db, actor.tenantId, async (tx) => {
    await tx
      .update(tenants)
      .set({
        onboarding: sql`${tenants.onboarding} || jsonb_build_object(${input.step}::text, ${input.value}::text)`,
      })
      .where(eq(tenants.id, actor.tenantId));
    await recordAudit(tx, actor, { action: 'onboarding.step_marked', details: input });
  });
  return getOnboarding(db, actor.tenantId);
}
