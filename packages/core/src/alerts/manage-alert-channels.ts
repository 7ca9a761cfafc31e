import { encryptSecret, randomToken, schema, withTenant, type Database } from '@replyline/db';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit';
import { DomainError } from '../domain-error';
import { notFound } from '../request';
import type { Actor } from '../services';
import { webhookUrlProblem } from '../webhooks/webhook-url';
import { ALERT_EVENTS } from './alert-events';
import {
  targetHintOf,
  typedAddressOf,
  ZAlertChannelInput,
  type AlertChannelConfig,
} from './channel-config';

const { alertChannels } = schema;

/** A workspace keeps its alert channels to a handful; more is a setup mistake, not a need. */
const MAX_CHANNELS = 20;

const ZAlertChoices = z.object({
  events: z.array(z.enum(ALERT_EVENTS)).min(1, 'Choose at least one event to be alerted about.'),
  replyOverdueMinutes: z.number().int().min(1).max(1_440).default(15),
});

export const ZCreateAlertChannel = ZAlertChoices.extend({
  name: z.string().trim().min(1, 'Give the channel a name.').max(80),
  config: ZAlertChannelInput,
});

export const ZUpdateAlertChannel = ZAlertChoices.extend({ channelId: z.uuid() });

const channelSummary = {
  id: alertChannels.id,
  kind: alertChannels.kind,
  name: alertChannels.name,
  targetHint: alertChannels.targetHint,
  events: alertChannels.events,
  replyOverdueMinutes: alertChannels.replyOverdueMinutes,
  status: alertChannels.status,
  lastError: alertChannels.lastError,
  lastFailureAt: alertChannels.lastFailureAt,
  lastSuccessAt: alertChannels.lastSuccessAt,
  createdAt: alertChannels.createdAt,
};

/**
 * Adds a channel. Its settings, tokens included, are stored encrypted; a signed-webhook channel
 * gets a fresh signing secret, returned here once for the admin to copy.
 */
export async function createAlertChannel(
  db: Database,
  actor: Actor,
  input: z.input<typeof ZCreateAlertChannel>,
  options: { allowLocal: boolean },
) {
  const { name, events, replyOverdueMinutes, config } = ZCreateAlertChannel.parse(input);
  const address = typedAddressOf(config);
  const problem = address && webhookUrlProblem(address, options);
  if (problem) throw new DomainError('bad_input', problem);
  const signingSecret = config.kind === 'webhook' ? randomToken('whsec_', 32) : null;
  const stored: AlertChannelConfig =
    config.kind === 'webhook' ? { ...config, secret: signingSecret! } : config;

  return withTenant(db, actor.tenantId, async (tx) => {
    const count = await tx.$count(alertChannels, eq(alertChannels.tenantId, actor.tenantId));
    if (count >= MAX_CHANNELS)
      throw new DomainError(
        'conflict',
        `This workspace already has ${MAX_CHANNELS} alert channels; remove one first.`,
      );
    const [created] = await tx
      .insert(alertChannels)
      .values({
        tenantId: actor.tenantId,
        kind: config.kind,
        name,
        targetHint: targetHintOf(config),
        configEncrypted: encryptSecret(JSON.stringify(stored)),
        events,
        replyOverdueMinutes,
      })
      .returning(channelSummary);
    await recordAudit(tx, actor, {
      action: 'alert_channel.created',
      targetType: 'alert_channel',
      targetId: created!.id,
      details: { kind: config.kind, events },
    });
    return { channel: created!, signingSecret };
  });
}

/** Every channel of the workspace, failing ones marked; never a token. */
export async function listAlertChannels(db: Database, actor: Pick<Actor, 'tenantId'>) {
  return withTenant(db, actor.tenantId, (tx) =>
    tx
      .select(channelSummary)
      .from(alertChannels)
      .where(eq(alertChannels.tenantId, actor.tenantId))
      .orderBy(asc(alertChannels.createdAt)),
  );
}

/** Changes which events a channel hears about (its settings are replaced by adding it anew). */
export async function updateAlertChannel(
  db: Database,
  actor: Actor,
  input: z.input<typeof ZUpdateAlertChannel>,
) {
  const { channelId, events, replyOverdueMinutes } = ZUpdateAlertChannel.parse(input);
  await withTenant(db, actor.tenantId, async (tx) => {
    const [updated] = await tx
      .update(alertChannels)
      .set({ events, replyOverdueMinutes, updatedAt: new Date() })
      .where(and(eq(alertChannels.tenantId, actor.tenantId), eq(alertChannels.id, channelId)))
      .returning({ id: alertChannels.id });
    if (!updated) throw notFound('alert channel');
    await recordAudit(tx, actor, {
      action: 'alert_channel.updated',
      targetType: 'alert_channel',
      targetId: channelId,
      details: { events },
    });
  });
}

export async function deleteAlertChannel(db: Database, actor: Actor, input: { channelId: string }) {
  await withTenant(db, actor.tenantId, async (tx) => {
    const [deleted] = await tx
      .delete(alertChannels)
      .where(and(eq(alertChannels.tenantId, actor.tenantId), eq(alertChannels.id, input.channelId)))
      .returning({ kind: alertChannels.kind });
    if (!deleted) throw notFound('alert channel');
    await recordAudit(tx, actor, {
      action: 'alert_channel.deleted',
      targetType: 'alert_channel',
      targetId: input.channelId,
      details: { kind: deleted.kind },
    });
  });
}
