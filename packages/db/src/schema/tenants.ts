import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';

export const planId = pgEnum('plan_id', ['free', 'pro', 'business']);

export interface TenantBranding {
  primaryColor: string;
  accentColor?: string;
  logoUrl?: string;
  avatarUrl?: string;
  greeting: string;
  launcherText?: string;
  position: 'bottom-right' | 'bottom-left';
  suggestedQuestions: string[];
  /** Greetings for signed-in customers by type; unset types keep `greeting`. */
  customerGreetings?: CustomerGreetings;
}

/**
 * A signed-in customer's type comes from the orders their identity token signs: none is new,
 * at least `vipMinOrders` is VIP, anything between is returning.
 */
export interface CustomerGreetings {
  new?: string;
  returning?: string;
  vip?: string;
  vipMinOrders: number;
}

export interface TenantPersona {
  assistantName: string;
  tone: string;
  instructions?: string;
  refusedTopics: string[];
}

/**
 * A workspace: one business. Not itself tenant-scoped (its id *is* the tenant id): the public
 * API must resolve a publishable key to a tenant before any scope exists.
 */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid()
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text().notNull(),
    slug: text().notNull(),
    siteUrl: text(),
    plan: planId().notNull().default('free'),
    /** Text-search configuration and default answer language, e.g. 'english', 'swedish'. */
    language: text().notNull().default('english'),
    branding: jsonb().$type<TenantBranding>().notNull(),
    persona: jsonb().$type<TenantPersona>().notNull(),
    /** The tenant's chat model (an OpenAI-compatible name); null uses OPENAI_MODEL. */
    aiModel: text(),
    allowedOrigins: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    publishableKey: text().notNull(),
    /** HMAC secret for identified visitors, AES-GCM encrypted with ENCRYPTION_KEY. */
    identitySecretEncrypted: text().notNull(),
    /** When set, the widget refuses visitors without a valid signed identity. */
    identityRequired: boolean().notNull().default(false),
    /**
     * The verified email domain whose people sign in through this workspace's SSO connection
     * (sso_connections); global like the publishable key, so sign-in can route an email to it.
     */
    ssoDomain: text(),
    stripeCustomerId: text(),
    stripeSubscriptionId: text(),
    /** Stripe's status of that subscription (active, past_due, canceled, …); null: never subscribed. */
    subscriptionStatus: text(),
    /** The paid billing period; quotas count from its start. Null on free: the calendar month (UTC). */
    currentPeriodStart: timestamp({ withTimezone: true }),
    currentPeriodEnd: timestamp({ withTimezone: true }),
    /**
     * When the subscription state above was read from Stripe. A webhook applies what it read only
     * if it is newer, so two deliveries racing each other cannot leave the older state behind.
     */
    subscriptionSyncedAt: timestamp({ withTimezone: true }),
    onboarding: jsonb().$type<Record<string, boolean>>().notNull().default({}),
    /** Conversations older than this are deleted by the retention worker; null keeps them. */
    retentionDays: integer(),
    /** Where new tickets are announced (Slack-compatible JSON POST); null sends none. */
    webhookUrl: text(),
    /** HMAC key that signs those posts, AES-GCM encrypted with ENCRYPTION_KEY. */
    webhookSecretEncrypted: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('tenants_slug_key').on(t.slug),
    uniqueIndex('tenants_publishable_key_key').on(t.publishableKey),
    uniqueIndex('tenants_sso_domain_key').on(t.ssoDomain),
    check('tenants_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
  ],
);
