export { appRouter, createCaller, type AppRouter } from './root';
export { createContextInner, type Context, type ContextServices } from './context';
export { roleMeets } from './procedures';
export { refuseOtherWorkspace } from './workspace-guard';
export type { MemberRole, ProcedureMeta } from './trpc';
export { recordAudit, type AuditEntry } from './audit';
export {
  notifyTicketCreated,
  type TicketNotificationDeps,
} from './domain/tickets/notify-ticket-created';
export { startWebhookWorker, WEBHOOK_RETRY } from './domain/webhooks/webhook-worker';
export { signWebhook, SIGNATURE_HEADER } from './domain/webhooks/sign-webhook';
export {
  startRetentionWorker,
  type RetentionWorkerOptions,
} from './domain/retention/retention-worker';
export { applyRetention, type RetentionResult } from './domain/retention/apply-retention';
export { uploadPdf, type UploadPdfInput } from './domain/knowledge/upload-pdf';
export {
  notifyPaymentFailed,
  notifyUsageAlert,
  type BillingNoticeDeps,
} from './domain/billing/notify-billing';
export { ssoProviderFetch } from './domain/sso/sso-provider-fetch';
