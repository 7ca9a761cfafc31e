import type { EscalationReason } from '@replyline/ai';
import type { TenantId } from '@replyline/db';
import type { AlertEvent } from './alert-events';
import { emitAlert, type EmitAlertDeps } from './emit-alert';

/**
 * The alerts one answered visitor message calls for: the visitor asked for a person (the
 * escalation signal's 'human_requested'), or sounds upset (the 'upset' tag, or an escalation
 * for negative sentiment). Returns the events emitted.
 */
export async function alertOnVisitorSignals(
  deps: EmitAlertDeps,
  tenantId: TenantId,
  conversationId: string,
  signals: { tags: readonly string[]; reason: EscalationReason | null | undefined },
): Promise<AlertEvent[]> {
  const events: AlertEvent[] = [];
  if (signals.reason === 'human_requested') events.push('handoff.requested');
  if (signals.tags.includes('upset') || signals.reason === 'negative_sentiment')
    events.push('sentiment.negative');
  for (const event of events) await emitAlert(deps, tenantId, event, { conversationId });
  return events;
}
