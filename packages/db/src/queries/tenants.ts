import { eq } from 'drizzle-orm';
import type { Database } from '../client';
import { asTenantId, type TenantId } from '../scope';
import { encryptSecret, randomToken } from '../secrets';
import { tenants, type TenantBranding, type TenantPersona } from '../schema';

export interface NewTenant {
  name: string;
  slug: string;
  language?: string;
  siteUrl?: string;
  allowedOrigins?: string[];
  branding?: Partial<TenantBranding>;
  persona?: Partial<TenantPersona>;
  /** Fixed key for the demo tenant; real tenants get a random one. */
  publishableKey?: string;
  /**
   * false: no identity secret yet (the dashboard creates one when the owner asks, the only
   * moment it can show it). Scripts and tests get one at once, returned here.
   */
  identitySecret?: boolean;
}

export const DEFAULT_BRANDING: TenantBranding = {
  primaryColor: '#4f46e5',
  greeting: 'Hi! How can we help you today?',
  position: 'bottom-right',
  suggestedQuestions: [],
};

export const DEFAULT_PERSONA: TenantPersona = {
  assistantName: 'Assistant',
  tone: 'friendly and concise',
  refusedTopics: [],
};

/** Creates a workspace with its keys. Returns the identity secret once, in clear text. */
export async function createTenant(db: Database, input: NewTenant) {
  const identitySecret = input.identitySecret === false ? '' : randomToken('is_', 32);
  const [row] = await db
    .insert(tenants)
    .values({
      name: input.name,
      slug: input.slug,
      language: input.language ?? 'english',
      siteUrl: input.siteUrl,
      allowedOrigins: input.allowedOrigins ?? [],
      branding: { ...DEFAULT_BRANDING, ...input.branding },
      persona: { ...DEFAULT_PERSONA, ...input.persona },
      publishableKey: input.publishableKey ?? randomToken('pk_'),
      // '' = none set: the public API refuses signed identities until one is created.
      identitySecretEncrypted: identitySecret ? encryptSecret(identitySecret) : '',
    })
    .returning({ id: tenants.id, publishableKey: tenants.publishableKey });
  if (!row) throw new Error('Tenant insert returned no row');
  return { tenantId: asTenantId(row.id), publishableKey: row.publishableKey, identitySecret };
}

/** The public API's first step: which tenant does this publishable key belong to? */
export async function findTenantByPublishableKey(db: Database, publishableKey: string) {
  const [row] = await db
    .select({ id: tenants.id, allowedOrigins: tenants.allowedOrigins, plan: tenants.plan })
    .from(tenants)
    .where(eq(tenants.publishableKey, publishableKey))
    .limit(1);
  return row ? { ...row, id: asTenantId(row.id) as TenantId } : null;
}

export async function findTenantBySlug(db: Database, slug: string) {
  const [row] = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.slug, slug))
    .limit(1);
  return row ? asTenantId(row.id) : null;
}

/** What the public widget API needs of a tenant: its public profile and what it checks with. */
export interface WidgetTenant {
  id: TenantId;
  name: string;
  language: string;
  plan: 'free' | 'pro' | 'business';
  branding: TenantBranding;
  assistantName: string;
  allowedOrigins: string[];
  identitySecretEncrypted: string;
  /** Refuse visitors without a valid signed identity. */
  identityRequired: boolean;
}

/** Looks a tenant up by publishable key or by id (ids come from signed visitor tokens). */
export async function findWidgetTenant(
  db: Database,
  by: { publishableKey: string } | { id: TenantId },
): Promise<WidgetTenant | null> {
  const [row] = await db
    .select({
      id: tenants.id,
      name: tenants.name,
      language: tenants.language,
      plan: tenants.plan,
      branding: tenants.branding,
      persona: tenants.persona,
      allowedOrigins: tenants.allowedOrigins,
      identitySecretEncrypted: tenants.identitySecretEncrypted,
      identityRequired: tenants.identityRequired,
    })
    .from(tenants)
    .where('id' in by ? eq(tenants.id, by.id) : eq(tenants.publishableKey, by.publishableKey))
    .limit(1);
  if (!row) return null;
  const { persona, ...rest } = row;
  return { ...rest, id: asTenantId(row.id), assistantName: persona.assistantName };
}
