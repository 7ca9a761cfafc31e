export { getSsoConnection } from './get-sso-connection';
export { deleteSsoConnection, setSsoEnabled } from './manage-sso-connection';
export { saveSsoConnection } from './save-sso-connection';
export { ssoProviderFetch } from './sso-provider-fetch';
export { ZSaveSsoConnection } from './sso-schema';
export { startDomainVerification, verifySsoDomain, type ResolveTxt } from './verify-sso-domain';
