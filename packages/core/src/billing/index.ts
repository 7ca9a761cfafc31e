export { notifyPaymentFailed, notifyUsageAlert, type BillingNoticeDeps } from './notify-billing';
export { openBillingPortal, startCheckout } from './start-checkout';
