// Sign-in test support, for this package's tests and the dashboard's: a local OpenID Connect
// provider, a browser with cookie jars, workspaces with an SSO connection, and a test database
// with sign-in bound to it.
export { signInAtProvider } from './at-provider';
export { TEST_ORIGIN, useAuthTestbed, type AuthTestbed } from './auth-testbed';
export { Browser, isRedirect, type DashboardHandler } from './browser';
export {
  connectSso,
  newSsoWorkspace,
  ssoClientId,
  type SsoWorkspaceOptions,
} from './sso-workspace';
export { startTestIdp, type TestAccount, type TestClient, type TestIdp } from './test-idp';
