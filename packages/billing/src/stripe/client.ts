import Stripe from 'stripe';
import { billingConfigured, type BillingEnv } from '../env';

export interface StripeClientOptions {
  secretKey: string;
  /** Another API server (tests, stripe-mock): host name, port and protocol. */
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** Automatic retries of failed requests (with idempotency keys); default 2. */
  maxNetworkRetries?: number;
  /** Per-request timeout; the usage reporter holds a transaction while it waits. Default 20 s. */
  timeoutMs?: number;
}

/** The official Stripe SDK, pinned to the API version its types describe. */
export function createStripeClient(options: StripeClientOptions): Stripe {
  return new Stripe(options.secretKey, {
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    timeout: options.timeoutMs ?? 20_000,
    host: options.host,
    port: options.port,
    protocol: options.protocol,
    telemetry: false,
    appInfo: { name: 'Replyline' },
  });
}

/** The Stripe client the settings ask for, or null when billing is not configured. */
export function stripeFromEnv(env: BillingEnv): Stripe | null {
  if (!billingConfigured(env)) return null;
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
  return createStripeClient({
    secretKey: env.STRIPE_SECRET_KEY,
    host: base?.hostname,
    port: base?.port ? Number(base.port) : undefined,
    protocol: base ? (base.protocol === 'http:' ? 'http' : 'https') : undefined,
  });
}

export type { Stripe };
