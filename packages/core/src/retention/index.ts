export { applyRetention, type RetentionResult } from './apply-retention';
export { startRetentionWorker, type RetentionWorkerOptions } from './retention-worker';
