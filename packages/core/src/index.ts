export {
  DomainError,
  DOMAIN_ERROR_CODES,
  HTTP_STATUS_OF,
  isDomainError,
  type DomainErrorCode,
} from './domain-error';
export * from './conversations';
