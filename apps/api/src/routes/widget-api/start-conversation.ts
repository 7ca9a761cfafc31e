import {
  findResumableConversation,
  getConversationState,
  listMessages,
  replaceVisitorContext,
} from '@replyline/core';
import { customerGreeting } from '@replyline/core/widget';
import { createRoute } from '@hono/zod-openapi';
import type { WidgetTenant } from '@replyline/db';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  ConversationParamsSchema,
  MessageListSchema,
  SessionSchema,
  StartConversationRequestSchema,
  type IdentitySchema,
  type MessageList,
  type Session,
} from '../../contract';
import {
  errorResponse,
  jsonBody,
  jsonResponse,
  unauthorized,
  visitorTokenSecurity,
} from '../../contract/responses';
import { HttpError, sendJson } from '../../http';
import { documentedRoute, validBody, type RequestContext } from '../../router';
import { allowOrigin } from '../../public/cors';
import { verifyIdentity, type VerifiedIdentity } from '../../public/identity';
import { isAllowedOrigin, originNotAllowed, siteOriginOf } from '../../public/origin';
import { authorizeVisitor, clientIp } from '../../public/visitor-request';
import { issueVisitorToken } from '../../public/visitor-token';
import { noteTenant } from '../../observability/request-telemetry';

const startConversation = createRoute({
  method: 'post',
  path: '/v1/conversations',
  summary: 'Start or resume the visitor’s conversation',
  description:
    'Resumes the visitor’s unresolved conversation with its history, or returns the id and token of a new one that is stored with its first message (or an escalation); until then its history and events are empty and rating it answers 404.',
  request: { body: jsonBody(StartConversationRequestSchema) },
  responses: {
    200: jsonResponse('The conversation, its history and a visitor token', SessionSchema),
    400: errorResponse('Invalid request'),
    401: errorResponse(
      'Identity not valid or expired, or the tenant requires an identity and none was sent (`identity_required`)',
    ),
    403: errorResponse('Origin not allowed'),
    404: errorResponse('Unknown publishable key'),
    429: errorResponse('Too many conversations started from this address (per minute or hour)'),
  },
});

/** Every attempt counts against the address, whatever its body holds. */
async function admitStart(ctx: RequestContext) {
  await ctx.app.publicApi.limits.admitStart(clientIp(ctx));
}

/**
 * Resumes the visitor's conversation (with its history) or hands out the id of a new one,
 * with the token for the calls that follow. A new conversation is stored with its first
 * message, not here. The publishable key names the tenant; the website must be on its
 * allow-list; an identified visitor must carry a valid signed identity and only ever sees
 * the conversations of that identity.
 */
export const startConversationRoute = documentedRoute(startConversation, {
  maxBodyBytes: 16 * 1024,
  before: admitStart,
  handle: async (ctx) => {
    const { publicApi, db } = ctx.app;
    const body = validBody(ctx, StartConversationRequestSchema);
    const tenant = await publicApi.tenants.byKey(body.key);
    noteTenant(ctx.req, tenant.id);
    const site = siteOriginOf(ctx.req, body.hostOrigin);
    if (!isAllowedOrigin(tenant.allowedOrigins, site)) throw originNotAllowed(site, tenant.name);
    allowOrigin(ctx.req, ctx.res);
    const identity = await identify(tenant, body.identity);

    const owner = { visitorId: body.visitorId, identityKey: identity?.key ?? null };
    const existing = await findResumableConversation(db, tenant.id, owner);
    // Freshly signed claims (page, cart) replace the stored ones; an older signature only names
    // the user, so it leaves what was signed before alone.
    if (existing && identity?.contextSigned)
      await replaceVisitorContext(db, tenant.id, existing, identity.context);
    const conversationId = existing ?? randomUUID();
    const [state, messages] = existing
      ? await Promise.all([
          getConversationState(db, tenant.id, existing),
          listMessages(db, tenant.id, existing),
        ])
      : [null, []];
    const token = issueVisitorToken({
      tenantId: tenant.id,
      conversationId,
      ...owner,
      ...(existing
        ? {}
        : {
            seed: {
              origin: site ?? undefined,
              context: identity?.context,
              customerEmail: identity?.email,
              customerName: identity?.name,
            },
          }),
    });
    sendJson(ctx.res, 200, {
      conversationId,
      token,
      resumed: Boolean(existing),
      status: state?.status ?? 'open',
      botPaused: state?.botPaused ?? false,
      handoff: state?.handoff ?? 'bot',
      agent: state?.agent ?? null,
      identified: Boolean(identity),
      ...greetingFor(tenant, identity),
      messages,
    } satisfies Session);
  },
});

/** The workspace's greeting for this customer's type; only a signed context can claim one. */
function greetingFor(tenant: WidgetTenant, identity: VerifiedIdentity | null) {
  const signed = identity?.contextSigned ? identity.context : null;
  const greeting = customerGreeting(tenant.branding.customerGreetings, signed);
  return greeting ? { greeting } : {};
}

/** The verified identity, or null for an anonymous visitor (refused when identity is required). */
async function identify(
  tenant: WidgetTenant,
  claim: z.infer<typeof IdentitySchema> | undefined,
): Promise<VerifiedIdentity | null> {
  if (claim && !tenant.identitySecretEncrypted)
    throw new HttpError(
      401,
      `${tenant.name} has not set up identity verification yet, so a signed identity cannot be checked. Create the identity secret in the dashboard under Widget > Identity verification.`,
      'invalid_identity',
    );
  if (claim) return verifyIdentity(tenant.identitySecretEncrypted, claim);
  if (!tenant.identityRequired) return null;
  throw new HttpError(
    401,
    `${tenant.name} asks visitors to sign in before chatting. Sign in on the website, then open the chat again.`,
    'identity_required',
  );
}

const listMessagesOfConversation = createRoute({
  method: 'get',
  path: '/v1/conversations/{id}/messages',
  summary: 'Conversation history, oldest first',
  security: visitorTokenSecurity,
  request: { params: ConversationParamsSchema },
  responses: {
    200: jsonResponse('Messages', MessageListSchema),
    401: unauthorized,
  },
});

export const listMessagesRoute = documentedRoute(listMessagesOfConversation, {
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    // A conversation not stored yet (no first message) simply has none.
    const messages = await listMessages(ctx.app.db, grant.tenantId, grant.conversationId);
    sendJson(ctx.res, 200, { messages } satisfies MessageList);
  },
});
