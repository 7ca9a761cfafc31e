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
];

export { integrationsMayReachLocal } from './env';
export { vendorUrlProblem } from './vendor-fetch';
