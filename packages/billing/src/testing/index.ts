// Test helpers other packages' tests use too (the API's webhook route test).
export { startStripeStub, type StripeStub, type StubRequest } from './stripe-stub';
export { useStripeTestbed, type StripeTestbed } from './stripe-testbed';
export {
  eventObject,
  newTenant,
  signedWebhook,
  subscriptionObject,
  TEST_WEBHOOK_SECRET,
  type SubscriptionFixture,
} from './fixtures';
