export { ALERT_EVENT_LABELS, ALERT_EVENTS, type AlertEvent } from './alert-events';
export { ALERT_RETRY, FAILURES_BEFORE_FAILING, type AlertJob } from './alert-job';
export { ZAlertChannelInput, type TAlertChannelInput } from './channel-config';
export { PROVIDER_ENDPOINTS, type AlertEndpoints } from './channels';
export { deliverAlert, type AlertDeliveryDeps } from './deliver-alert';
export { alertEmailGaveUp } from './email-gave-up';
export { emitAlert, type AlertSubject, type EmitAlertDeps } from './emit-alert';
export {
  createAlertChannel,
  deleteAlertChannel,
  listAlertChannels,
  updateAlertChannel,
  ZCreateAlertChannel,
  ZUpdateAlertChannel,
} from './manage-alert-channels';
export { sendTestAlert } from './send-test-alert';
export { startAlertWorker } from './alert-worker';
export { alertEndpoints } from './env';
export { alertOnVisitorSignals } from './visitor-signals';
