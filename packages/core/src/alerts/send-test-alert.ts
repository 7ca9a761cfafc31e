import { DomainError } from '../domain-error';
import { notFound } from '../request';
import type { Actor } from '../services';
import { describeAlert } from './describe-alert';
import {
  loadAlertChannel,
  recordSuccess,
  sendOnChannel,
  type AlertDeliveryDeps,
} from './deliver-alert';

/**
 * "Send test message" in the dashboard: one attempt right now, so the admin sees the provider's
 * own answer (a wrong token, an unknown chat) instead of waiting for retries. A test that gets
 * through marks a failing channel as working again; one that fails does not count against it.
 */
export async function sendTestAlert(
  deps: Omit<AlertDeliveryDeps, 'queue'>,
  actor: Pick<Actor, 'tenantId'>,
  input: { channelId: string },
): Promise<{ delivered: true }> {
  const channel = await loadAlertChannel(deps.db, actor.tenantId, input.channelId);
  if (!channel) throw notFound('alert channel');
  const job = { tenantId: actor.tenantId, channelId: channel.id, event: 'test' as const };
  const content = (await describeAlert(deps.db, job, deps.dashboardUrl))!;
  try {
    await sendOnChannel(deps, channel, content, job);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError('precondition_failed', `The test message did not arrive. ${reason}.`);
  }
  await recordSuccess(deps.db, actor.tenantId, channel.id);
  return { delivered: true };
}
