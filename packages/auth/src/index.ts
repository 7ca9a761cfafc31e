export { AUTH_BASE_PATH, createAuthConfig, type AuthDeps } from './auth-config';
export { createAuth, type DashboardAuth } from './create-auth';
export { readAuthEnv, type AuthEnv } from './env';
export { MAGIC_LINK_MINUTES, magicLinkProvider } from './magic-link-provider';
export {
  deleteSession,
  findSessionUser,
  readCookie,
  sessionCookieName,
  type SessionSource,
  type SessionUser,
} from './session';
