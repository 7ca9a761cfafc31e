// Test support for browser and integration tests: a local push service that decrypts what it
// receives and checks the VAPID signature.
export {
  decryptAes128gcm,
  newBrowserKeys,
  startPushReceiver,
  verifyVapid,
  type BrowserKeys,
  type ReceivedPush,
  type VapidClaims,
} from '../push-receiver.testing';
