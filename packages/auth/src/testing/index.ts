// Sign-in test support, for this package's tests and the dashboard's: a local OpenID Connect
// provider, a browser with cookie jars, and workspaces with an SSO connection.
export { signInAtProvider } from './at-provider';
export { Browser, isRedirect, type DashboardHandler } from './browser';
export {
  connectSso,
  newSsoWorkspace,
  ssoClientId,
  type SsoWorkspaceOptions,
} from './sso-workspace';
export { startTestIdp, type TestAccount, type TestClient, type TestIdp } from './test-idp';
