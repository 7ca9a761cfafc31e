import type { RequestContext } from '../router';
import { HttpError } from '../http';
import { noteTenant } from '../observability/request-telemetry';
import { allowOrigin } from './cors';
import { clientAddress } from './client-address';
import type { Caller } from './limits';
import { isAllowedOrigin, isOwnOrigin, normalizeOrigin, originNotAllowed } from './origin';
import { tokenOf, verifyVisitorToken, type VisitorGrant } from './visitor-token';
import type { WidgetTenant } from '@replyline/db';

type Authorized = { grant: VisitorGrant; tenant: WidgetTenant };

/** Once per request: a route checks the caller before its body is read, its handler reuses it. */
const authorizedRequests = new WeakMap<RequestContext, Promise<Authorized>>();

/**
 * Authorizes a call about one conversation: a valid visitor token for exactly this
 * conversation, and, when the browser names an origin, one of the tenant's websites or the
 * chat iframe itself. Answers CORS for the allowed origin.
 */
export function authorizeVisitor(ctx: RequestContext): Promise<Authorized> {
  let authorized = authorizedRequests.get(ctx);
  if (!authorized) authorizedRequests.set(ctx, (authorized = checkVisitor(ctx)));
  return authorized;
}

async function checkVisitor(ctx: RequestContext): Promise<Authorized> {
  const grant = verifyVisitorToken(tokenOf(ctx.req.headers.authorization, ctx.url));
  if (ctx.params.id !== grant.conversationId)
    throw new HttpError(
      403,
      'This chat session token is for another conversation.',
      'wrong_conversation',
    );
  noteTenant(ctx.req, grant.tenantId);
  const tenant = await ctx.app.publicApi.tenants.byId(grant.tenantId);
  const origin = normalizeOrigin(ctx.req.headers.origin);
  if (origin && !isOwnOrigin(ctx.req, origin) && !isAllowedOrigin(tenant.allowedOrigins, origin))
    throw originNotAllowed(origin, tenant.name);
  allowOrigin(ctx.req, ctx.res);
  return { grant, tenant };
}

/** The client's address as limits count it (see `clientAddress`). */
export function clientIp(ctx: RequestContext): string {
  return clientAddress(ctx.req, ctx.app.publicApi.trustedProxyHops);
}

/** The limits' view of a visitor token's holder. */
export function callerOf(ctx: RequestContext, grant: VisitorGrant): Caller {
  return {
    tenantId: grant.tenantId,
    visitorId: grant.visitorId,
    identityKey: grant.identityKey,
    ip: clientIp(ctx),
  };
}
