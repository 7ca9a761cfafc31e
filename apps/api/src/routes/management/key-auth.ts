import {
  authenticateApiKey,
  requireWriteScope,
  type ApiKeyPrincipal,
} from '@replyline/core/api-keys';
import type { KnowledgeActor } from '@replyline/core/knowledge';
import { HttpError } from '../../http';
import { noteTenant } from '../../observability/request-telemetry';
import { clientIp } from '../../public/visitor-request';
import { refusedBy } from '../../public/limits/refusal';
import type { RequestContext } from '../../router';
import { managementApiOf } from './management-api';

/** Once per request: `before` checks the key before the body is read, the handler reuses it. */
const principals = new WeakMap<RequestContext, Promise<ApiKeyPrincipal>>();

/**
 * The caller of a management route: a secret key sent as `Authorization: Bearer sk_…`, not
 * revoked, within its requests per minute, and, for a change, with the write scope. Missing or
 * unknown keys answer 401, a read key on a change 403, too many requests 429 with retry-after.
 */
export function authorizeKey(
  ctx: RequestContext,
  access: 'read' | 'write',
): Promise<ApiKeyPrincipal> {
  let principal = principals.get(ctx);
  if (!principal) principals.set(ctx, (principal = checkKey(ctx, access)));
  return principal;
}

async function checkKey(ctx: RequestContext, access: 'read' | 'write') {
  const principal = await authenticateApiKey(ctx.app.db, bearerKey(ctx));
  noteTenant(ctx.req, principal.tenantId);
  await managementApiOf(ctx.app)
    .keyLimiter.consume(principal.keyId)
    .catch((error: unknown) =>
      refusedBy(error, 'This key sent too many requests; wait for the time in retry-after.'),
    );
  if (access === 'write') requireWriteScope(principal);
  return principal;
}

function bearerKey(ctx: RequestContext): string {
  const header = ctx.req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match)
    throw new HttpError(
      401,
      'Send your secret key in the Authorization header: "Authorization: Bearer sk_…".',
      'unauthenticated',
    );
  return match[1]!;
}

/** What a knowledge change needs: the key's workspace, recorded in its creator's name. */
export function knowledgeActorOf(ctx: RequestContext, principal: ApiKeyPrincipal): KnowledgeActor {
  const management = managementApiOf(ctx.app);
  return {
    db: ctx.app.db,
    enqueue: management.enqueue,
    embedder: management.embedder,
    tenantId: principal.tenantId,
    userId: principal.userId,
    requestIp: clientIp(ctx),
  };
}
