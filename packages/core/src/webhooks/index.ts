export { webhooksMayReachLocal } from './env';
export { SIGNATURE_HEADER, signWebhook } from './sign-webhook';
export { getTenantWebhook, setTenantWebhook } from './tenant-webhook';
export { webhookUrlProblem } from './webhook-url';
export { WEBHOOK_RETRY, startWebhookWorker } from './webhook-worker';
