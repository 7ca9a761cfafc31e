import { listMessages, startConversation, getConversationState } from '@replyline/ai';
import { z } from 'zod';
import { readJson, sendJson } from '../../http';
import type { Route } from '../../router';
import { allowOrigin } from '../../public/cors';
import { verifyIdentity } from '../../public/identity';
import { isAllowedOrigin, originNotAllowed, siteOriginOf } from '../../public/origin';
import { authorizeVisitor, clientIp } from '../../public/visitor-request';
import { issueVisitorToken } from '../../public/visitor-token';

const shortText = z.string().trim().min(1).max(200);

const startSchema = z.object({
  key: z.string().min(1).max(120),
  visitorId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8 to 128 letters, digits, "-" or "_"'),
  hostOrigin: z.string().max(300).optional(),
  language: z.string().max(20).optional(),
  identity: z
    .object({
      userId: shortText.optional(),
      email: z.email().max(254).optional(),
      name: shortText.optional(),
      signature: z.string().max(200),
      context: z
        .object({
          plan: shortText.optional(),
          cart: z.unknown().optional(),
          orderIds: z.array(shortText).max(50).optional(),
          page: z.string().max(2000).optional(),
        })
        .optional(),
    })
    .optional(),
});

/**
 * Starts or resumes the visitor's conversation and hands out the token for the calls that
 * follow. The publishable key names the tenant; the website must be on its allow-list; an
 * identified visitor must carry a valid signature.
 */
export const startConversationRoute: Route = {
  method: 'POST',
  path: '/v1/conversations',
  handle: async (ctx) => {
    const { publicApi, db } = ctx.app;
    await publicApi.limits.admitStart(clientIp(ctx));
    const body = await readJson(ctx.req, startSchema, 16 * 1024);
    const tenant = await publicApi.tenants.byKey(body.key);
    const site = siteOriginOf(ctx.req, body.hostOrigin);
    if (!isAllowedOrigin(tenant.allowedOrigins, site)) throw originNotAllowed(site, tenant.name);
    allowOrigin(ctx.req, ctx.res);
    const identity = body.identity;
    if (identity) verifyIdentity(tenant.identitySecretEncrypted, identity);

    const { conversationId, resumed } = await startConversation(db, tenant.id, {
      visitorId: body.visitorId,
      origin: site ?? undefined,
      context: identity
        ? {
            userId: identity.userId,
            name: identity.name,
            plan: identity.context?.plan,
            cart: identity.context?.cart,
            orderIds: identity.context?.orderIds,
            page: identity.context?.page,
          }
        : undefined,
    });
    // A new conversation is open and empty: only a resumed one needs reading back.
    const [state, messages] = resumed
      ? await Promise.all([
          getConversationState(db, tenant.id, conversationId),
          listMessages(db, tenant.id, conversationId),
        ])
      : [null, []];
    sendJson(ctx.res, 200, {
      conversationId,
      token: issueVisitorToken({ tenantId: tenant.id, conversationId, visitorId: body.visitorId }),
      resumed,
      status: state?.status ?? 'open',
      botPaused: state?.botPaused ?? false,
      identified: Boolean(identity),
      messages,
    });
  },
};

export const listMessagesRoute: Route = {
  method: 'GET',
  path: '/v1/conversations/:id/messages',
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    const messages = await listMessages(ctx.app.db, grant.tenantId, grant.conversationId);
    sendJson(ctx.res, 200, { messages });
  },
};
