export {
  DEFAULT_POOL_SIZE,
  openDatabase,
  targetFromEnv,
  type Database,
  type DatabaseHandle,
  type DatabaseTarget,
} from './client';
export { InvalidEnvError, loadDotEnvFile, parseEnv, readDbEnv, type DbEnv } from './env';
export { findIsolationGaps } from './isolation-audit';
export { migratePglite, migratePostgresServer } from './migrate';
export {
  createTenant,
  findTenantByPublishableKey,
  findTenantBySlug,
  findWidgetTenant,
  type NewTenant,
  type WidgetTenant,
} from './queries/tenants';
export {
  APP_ROLE,
  asTenantId,
  asUserId,
  inParallel,
  runPrepared,
  withTenant,
  withUser,
  type TenantDb,
  type TenantId,
  type UserId,
} from './scope';
export { decryptSecret, encryptSecret, purposeKey, randomToken } from './secrets';
export { seedDemoTenant } from './seed/seed-demo-tenant';
export { DEMO_TENANT } from './seed/demo-content';
export * as schema from './schema';
export { pgErrorCode, queryRows } from './rows';
export { openPreparedPglite, startEmbeddedServer, type EmbeddedServer } from './embedded-server';
export { checkDatabase, type DatabaseHealth } from './health';
export {
  holdJobLease,
  installQueues,
  openQueue,
  QUEUES,
  type JobLease,
  type PgBoss,
  type QueueName,
  type QueueTarget,
} from './queue';
export {
  approximateTokens,
  contentHash,
  FAQ_BOOST,
  insertFaqEntry,
  type FaqEntryInput,
} from './queries/knowledge';
export {
  CONVERSATION_EVENTS_CHANNEL,
  listenConversationSignals,
  notifyTyping,
  type ConversationSignal,
  type RealtimeListener,
  type RealtimeStatus,
} from './realtime';
export { isDatabaseUnavailable } from './availability';
export {
  createSharedRateLimiter,
  RateLimiterRes,
  sweepExpiredRateLimits,
  type SharedLimit,
  type SharedRateLimiter,
} from './rate-limits';
