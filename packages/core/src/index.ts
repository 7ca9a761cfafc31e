// The domain's shared surface. Each area has its own entry point (`@replyline/core/<area>`:
// analytics, billing, inbox, knowledge, onboarding, retention, settings, sso, team, tickets,
// webhooks, widget, workspace); conversations, the errors and the caller's context are here.
export {
  DomainError,
  DOMAIN_ERROR_CODES,
  HTTP_STATUS_OF,
  isDomainError,
  type DomainErrorCode,
} from './domain-error';
export { asDomainError } from './errors';
export type { Context, ContextServices } from './context';
export { recordAudit, type AuditEntry } from './audit';
export { actorOf, dashboardUrlOf, notFound, queueOf, type AuditActor } from './request';
export { baseUrl, queueFrom, required, type Actor, type Enqueue } from './services';
export { roleMeets, type MemberRole } from './team/roles';
export * from './conversations';
