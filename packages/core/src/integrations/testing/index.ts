// Local servers speaking each vendor's wire format, for tests here and the browser tests.
export { startCalDavServer, type CalDavServer } from './caldav-server';
export { startLocalServer, type LocalServer } from './local-server';
export {
  sampleShopifyOrder,
  startShopifyServer,
  type ShopifyServer,
  type ShopifyServerOrder,
} from './shopify-server';
export {
  sampleWooOrder,
  startWooCommerceServer,
  type WooCommerceServer,
  type WooServerOrder,
} from './woocommerce-server';
