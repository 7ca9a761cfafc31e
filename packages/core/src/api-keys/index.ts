export {
  authenticateApiKey,
  requireWriteScope,
  type ApiKeyPrincipal,
} from './authenticate-api-key';
export { generateSecretKey, hashSecretKey, parseSecretKey } from './key-format';
export {
  createApiKey,
  listApiKeys,
  revokeApiKey,
  ZApiKeyScope,
  ZCreateApiKey,
  type TApiKeyScope,
} from './manage-api-keys';
