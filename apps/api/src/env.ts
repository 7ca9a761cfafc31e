import { parseEnv } from '@replyline/db';
import { z } from 'zod';
import type { LimitSettings } from './public/limits';

const optionalSecret = (prefix?: string) =>
  z
    .string()
    .min(8)
    .refine((v) => !prefix || v.startsWith(prefix), { message: `must start with "${prefix}"` })
    .optional();

const apiEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
    /** Run background workers (ingestion, …) in this process; turn off to run them elsewhere. */
    RUN_WORKERS: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /** The dashboard's address, for links in team notifications. */
    DASHBOARD_URL: z.url().default('http://localhost:3001'),
    /**
     * Public widget API limits, counted in Postgres and shared by every API process. Visitor
     * ids are chosen by the browser, so the budgets that protect a tenant's AI replies key on
     * the IP address and on the tenant, not on the visitor id.
     */
    RATE_LIMIT_VISITOR_PER_MINUTE: z.coerce.number().int().positive().default(20),
    RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().positive().default(120),
    RATE_LIMIT_TENANT_PER_MINUTE: z.coerce.number().int().positive().default(3_000),
    RATE_LIMIT_STARTS_PER_IP_PER_MINUTE: z.coerce.number().int().positive().default(30),
    RATE_LIMIT_STARTS_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(300),
    /** AI replies to anonymous visitors of one IP: a real customer asks a few per minute. */
    RATE_LIMIT_REPLIES_PER_IP_PER_MINUTE: z.coerce.number().int().positive().default(8),
    RATE_LIMIT_REPLIES_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(60),
    /** AI replies to one signed (identified) user per hour; they are not counted by IP. */
    RATE_LIMIT_REPLIES_PER_USER_PER_HOUR: z.coerce.number().int().positive().default(120),
    /**
     * Percent of the plan's monthly replies that anonymous visitors together may use per day:
     * many addresses can still not burn a month's quota in one day.
     */
    ANONYMOUS_DAILY_REPLY_SHARE_PERCENT: z.coerce.number().positive().max(100).default(25),
    /** Event streams open at once per visitor (a few tabs); 429 beyond. */
    MAX_EVENT_STREAMS_PER_VISITOR: z.coerce.number().int().positive().default(4),
    /** Answers streaming at once, counted by each process while it streams them. */
    MAX_STREAMS_PER_VISITOR: z.coerce.number().int().positive().default(2),
    MAX_STREAMS_PER_TENANT: z.coerce.number().int().positive().default(500),
    /** Management API requests per minute of one secret key (429 beyond). */
    RATE_LIMIT_API_KEY_PER_MINUTE: z.coerce.number().int().positive().default(300),
    /**
     * How many proxies in front of the API append to X-Forwarded-For (0: clients connect
     * directly). Behind a load balancer set 1, or every customer shares the balancer's address.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Chat model provider: OpenAI or any OpenAI-compatible server (Ollama, vLLM, Azure). */
    OPENAI_API_KEY: optionalSecret(),
    OPENAI_BASE_URL: z.url().optional(),
    OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
    /** Setting an embeddings model (with a key) turns on vector search next to full-text. */
    EMBEDDINGS_MODEL: z.string().min(1).optional(),
    STRIPE_SECRET_KEY: optionalSecret('sk_'),
    STRIPE_WEBHOOK_SECRET: optionalSecret('whsec_'),
    RESEND_API_KEY: optionalSecret('re_'),
    EMAIL_FROM: z.string().min(3).default('Replyline <support@replyline.localhost>'),
    /** An OTLP/HTTP collector's base address (spans go to `<it>/v1/traces`); unset: no tracing. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    /** Extra headers for the collector, `key=value,key2=value2` (an ingest token). */
    OTEL_EXPORTER_OTLP_HEADERS: z.string().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default('replyline-api'),
    /** GET /metrics on the API's port for holders of this bearer token. */
    METRICS_TOKEN: z.string().min(16).optional(),
    /** GET /metrics alone on this port (keep it private); METRICS_TOKEN is asked there too when set. */
    METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
    METRICS_HOST: z.string().default('127.0.0.1'),
    /** Unexpected errors go to Sentry (or a compatible server) when a DSN is set. */
    SENTRY_DSN: z.url().optional(),
    SENTRY_ENVIRONMENT: z.string().min(1).optional(),
  })
  .refine((env) => !env.STRIPE_SECRET_KEY || env.STRIPE_WEBHOOK_SECRET, {
    path: ['STRIPE_WEBHOOK_SECRET'],
    message: 'is required when STRIPE_SECRET_KEY is set (webhooks cannot be verified without it)',
  })
  .refine((env) => !env.EMBEDDINGS_MODEL || env.OPENAI_API_KEY, {
    path: ['OPENAI_API_KEY'],
    message: 'is required when EMBEDDINGS_MODEL is set',
  });

export type ApiEnv = z.infer<typeof apiEnvSchema>;

/** Validates the API's settings once at start-up; a bad or missing secret stops the process. */
export function readApiEnv(source: NodeJS.ProcessEnv = process.env): ApiEnv {
  return parseEnv(apiEnvSchema, source, 'The API');
}

/** Which optional services are live; everything else runs on the embedded defaults. */
export function configuredIntegrations(env: ApiEnv) {
  return {
    openai: Boolean(env.OPENAI_API_KEY),
    embeddings: Boolean(env.OPENAI_API_KEY && env.EMBEDDINGS_MODEL),
    stripe: Boolean(env.STRIPE_SECRET_KEY),
    resend: Boolean(env.RESEND_API_KEY),
  };
}

export function limitSettings(env: ApiEnv): LimitSettings {
  return {
    visitorMessagesPerMinute: env.RATE_LIMIT_VISITOR_PER_MINUTE,
    ipMessagesPerMinute: env.RATE_LIMIT_IP_PER_MINUTE,
    tenantMessagesPerMinute: env.RATE_LIMIT_TENANT_PER_MINUTE,
    ipStartsPerMinute: env.RATE_LIMIT_STARTS_PER_IP_PER_MINUTE,
    ipStartsPerHour: env.RATE_LIMIT_STARTS_PER_IP_PER_HOUR,
    ipRepliesPerMinute: env.RATE_LIMIT_REPLIES_PER_IP_PER_MINUTE,
    ipRepliesPerHour: env.RATE_LIMIT_REPLIES_PER_IP_PER_HOUR,
    userRepliesPerHour: env.RATE_LIMIT_REPLIES_PER_USER_PER_HOUR,
    anonymousDailySharePercent: env.ANONYMOUS_DAILY_REPLY_SHARE_PERCENT,
    eventStreamsPerVisitor: env.MAX_EVENT_STREAMS_PER_VISITOR,
    streamsPerVisitor: env.MAX_STREAMS_PER_VISITOR,
    streamsPerTenant: env.MAX_STREAMS_PER_TENANT,
  };
}
