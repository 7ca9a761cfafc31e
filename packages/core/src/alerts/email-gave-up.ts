import type { TenantId } from '@replyline/db';
import type { GaveUpEmail } from '@replyline/email';
import { z } from 'zod';
import { emitAlert, type EmitAlertDeps } from './emit-alert';

/** Telling a workspace its alert channel fails must not, failing, alert that channel again. */
const NOT_ALERTED = new Set(['alert-channel-failing']);

/**
 * An email of a workspace was given up on (every retry failed, or the provider refused it for
 * good): channels that asked for 'delivery.failed' hear which kind and why. Emails of no
 * workspace (sign-in links) alert nobody. The provider's words are kept without addresses, as
 * an alert carries no personal data. Returns how many alerts were queued.
 */
export async function alertEmailGaveUp(deps: EmitAlertDeps, failed: GaveUpEmail): Promise<number> {
  const tenantId = z.uuid().safeParse(failed.metadata.tenantId);
  if (!tenantId.success || NOT_ALERTED.has(failed.template)) return 0;
  const reason = failed.reason.replace(/[^\s<>"'`,;:]+@[^\s<>"'`,;:]+/g, '[address]');
  return emitAlert(deps, tenantId.data as TenantId, 'delivery.failed', {
    note: `A "${failed.template}" email could not be delivered. ${reason}`.slice(0, 300),
  });
}
