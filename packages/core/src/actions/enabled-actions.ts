import { runPrepared, schema, type TenantDb, type TenantId } from '@replyline/db';
import { and, eq } from 'drizzle-orm';

const { actions } = schema;

export type LoadedAction = typeof actions.$inferSelect;

/**
 * The workspace's enabled actions (the tools a model is offered and the intents checked), read
 * in a scope the caller holds: the turn reads them with the conversation, in the same round trip.
 */
export function readEnabledActions(tx: TenantDb, tenantId: TenantId): Promise<LoadedAction[]> {
  // Read with every turn: prepared (see `runPrepared`).
  return runPrepared(
    tx
      .select()
      .from(actions)
      .where(and(eq(actions.tenantId, tenantId), eq(actions.enabled, true))),
    'enabled_actions',
  );
}
