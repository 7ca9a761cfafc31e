import { planAllows } from '@replyline/billing';
import { schema, withTenant, type Database } from '@replyline/db';
import type { TenantBranding } from '@replyline/db/schema';
import { DomainError } from '../domain-error';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit';
import type { Actor } from '../services';
import type { TBranding, TPersona } from './widget-settings-schema';

const { tenants } = schema;

export interface WidgetSettingsPatch {
  branding?: TBranding;
  persona?: TPersona;
  language?: string;
  allowedOrigins?: string[];
  identityRequired?: boolean;
}

/** What the Free plan may not change: its colours and images (see the plans' customBranding). */
const CUSTOM_BRANDING_FIELDS = ['primaryColor', 'accentColor', 'logoUrl', 'avatarUrl'] as const;

/**
 * Saves the parts of the widget's settings that were sent (each part whole, as its form
 * holds it) and records in the audit log which fields changed.
 */
export async function updateWidgetSettings(db: Database, actor: Actor, patch: WidgetSettingsPatch) {
  return withTenant(db, actor.tenantId, async (tx) => {
    const [current] = await tx
      .select({
        plan: tenants.plan,
        branding: tenants.branding,
        persona: tenants.persona,
        language: tenants.language,
        allowedOrigins: tenants.allowedOrigins,
        identityRequired: tenants.identityRequired,
      })
      .from(tenants)
      .where(eq(tenants.id, actor.tenantId))
      .for('update');
    if (patch.branding && !planAllows(current!.plan, 'customBranding'))
      refuseCustomBranding(current!.branding, patch.branding);

    const changed = {
      branding: patch.branding ? changedKeys(current!.branding, patch.branding) : [],
      persona: patch.persona ? changedKeys(current!.persona, patch.persona) : [],
      language: patch.language !== undefined && patch.language !== current!.language,
      allowedOrigins:
        patch.allowedOrigins !== undefined &&
        patch.allowedOrigins.join('\n') !== current!.allowedOrigins.join('\n'),
      identityRequired:
        patch.identityRequired !== undefined &&
        patch.identityRequired !== current!.identityRequired,
    };
    if (
      !changed.branding.length &&
      !changed.persona.length &&
      !changed.language &&
      !changed.allowedOrigins &&
      !changed.identityRequired
    )
      return { changed: false };

    await tx
      .update(tenants)
      .set({
        ...(changed.branding.length ? { branding: patch.branding } : {}),
        ...(changed.persona.length ? { persona: patch.persona } : {}),
        ...(changed.language ? { language: patch.language } : {}),
        ...(changed.allowedOrigins ? { allowedOrigins: patch.allowedOrigins } : {}),
        ...(changed.identityRequired ? { identityRequired: patch.identityRequired } : {}),
      })
      .where(eq(tenants.id, actor.tenantId));
    await recordAudit(tx, actor, {
      action: 'widget.settings_updated',
      targetType: 'tenant',
      targetId: actor.tenantId,
      details: {
        ...(changed.branding.length ? { branding: changed.branding } : {}),
        ...(changed.persona.length ? { persona: changed.persona } : {}),
        ...(changed.language ? { language: { from: current!.language, to: patch.language } } : {}),
        ...(changed.allowedOrigins
          ? { allowedOrigins: { from: current!.allowedOrigins, to: patch.allowedOrigins } }
          : {}),
        ...(changed.identityRequired ? { identityRequired: patch.identityRequired } : {}),
      },
    });
    return { changed: true };
  });
}

function changedKeys<T extends object>(before: T, after: T): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof T & string>;
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

function refuseCustomBranding(current: TenantBranding, next: TBranding) {
  const changed = CUSTOM_BRANDING_FIELDS.filter((k) => (current[k] ?? null) !== (next[k] ?? null));
  if (changed.length)
    throw new DomainError(
      'forbidden',
      'Your own colours, logo and avatar come with the Pro plan. On Free you can change the greeting, launcher text, position and suggested questions.',
    );
}
