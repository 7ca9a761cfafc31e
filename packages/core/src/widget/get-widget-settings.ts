import { planAllows } from '@replyline/billing';
import { schema, withTenant, type Database, type TenantId } from '@replyline/db';
import { eq } from 'drizzle-orm';
import { embedSnippet } from './embed-snippet';

const { tenants } = schema;

/** What the widget editor shows. The identity secret itself is never read back, only whether one is set. */
export async function getWidgetSettings(db: Database, tenantId: TenantId, apiUrl?: string) {
  const [row] = await withTenant(db, tenantId, (tx) =>
    tx
      .select({
        name: tenants.name,
        branding: tenants.branding,
        persona: tenants.persona,
        language: tenants.language,
        allowedOrigins: tenants.allowedOrigins,
        publishableKey: tenants.publishableKey,
        identitySecretEncrypted: tenants.identitySecretEncrypted,
        identityRequired: tenants.identityRequired,
        plan: tenants.plan,
      })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
  );
  const { identitySecretEncrypted, plan, ...settings } = row!;
  return {
    ...settings,
    hasIdentitySecret: identitySecretEncrypted.length > 0,
    /** Colours, logo and avatar are a paid-plan feature; the rest of the branding is not. */
    customBrandingAllowed: planAllows(plan, 'customBranding'),
    apiUrl: apiUrl ?? null,
    /** Null when the server does not know the public API's address. */
    embedSnippet: apiUrl ? embedSnippet(apiUrl, settings.publishableKey) : null,
  };
}
