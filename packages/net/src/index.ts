export { checkOutboundUrl, isLocalHost, type OutboundUrlRules } from './check-outbound-url';
export { isPublicAddress } from './public-address';
export type { Resolve } from './public-lookup';
export { RefusedAddressError } from './refused-address-error';
export {
  ResponseTooLargeError,
  safeFetch,
  type SafeFetchInit,
  type SafeFetchOptions,
  type SafeResponse,
} from './safe-fetch';
