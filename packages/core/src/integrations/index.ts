import {
  bookingBook,
  bookingCancel,
  bookingFindSlots,
  bookingMove,
} from './booking/booking-integrations';
import type { BuiltInIntegration } from './contract';
import { shopifyOrderStatus } from './shopify/shopify-order-status';
import { wooCommerceOrderStatus } from './woocommerce/woocommerce-order-status';

export type {
  ActionCard,
  ActionRunContext,
  ActionVisitor,
  BuiltInIntegration,
  IntegrationServices,
} from './contract';

/** Every built-in integration, registered by the actions framework as an action kind. */
export const builtInIntegrations: BuiltInIntegration[] = [
  wooCommerceOrderStatus,
  shopifyOrderStatus,
  bookingFindSlots,
  bookingBook,
  bookingCancel,
  bookingMove,
];

export { integrationsMayReachLocal } from './env';
export {
  sendBookingReminder,
  startBookingReminderWorker,
  type BookingReminderJob,
} from './booking/booking-reminders';
export { vendorUrlProblem } from './vendor-fetch';
