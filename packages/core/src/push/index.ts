export { deriveVapidKeys, pushMayReachLocal, vapidKeys, type VapidKeys } from './env';
export { deliverPush, PushDeliveryError, type PushDeliveryDeps } from './deliver-push';
export {
  getPushSubscription,
  subscribePush,
  unsubscribePush,
  ZPushEndpoint,
  ZPushSubscriptionInput,
  type TPushSubscriptionInput,
} from './manage-push-subscriptions';
export type { PushContent } from './push-content';
export { PUSH_RETRY, type PushJob, type PushKind } from './push-job';
export { pushAssignment, pushNewChat, type Assignment, type QueuePushDeps } from './queue-pushes';
export { startPushWorker } from './push-worker';
