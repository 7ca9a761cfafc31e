import {
  findResumableConversation,
  getConversationState,
  listMessages,
  replaceVisitorContext,
} from '@replyline/core';
import type { WidgetTenant } from '@replyline/db';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { HttpError, readJson, sendJson } from '../../http';
import type { Route } from '../../router';
import { allowOrigin } from '../../public/cors';
import { verifyIdentity, type VerifiedIdentity } from '../../public/identity';
import { isAllowedOrigin, originNotAllowed, siteOriginOf } from '../../public/origin';
import { authorizeVisitor, clientIp } from '../../public/visitor-request';
import { issueVisitorToken } from '../../public/visitor-token';

const shortText = z.string().trim().min(1).max(200);

/** An identity token (JWT), or the older hex signature of the user id / email. */
const identitySchema = z.union([
  z.object({ token: z.string().min(1).max(4096) }),
  z.object({
    userId: shortText.optional(),
    email: z.email().max(254).optional(),
    signature: z.string().max(200),
    // Accepted so older embeds keep working, but unsigned: never stored (see identity.ts).
    name: z.unknown().optional(),
    context: z.unknown().optional(),
  }),
]);

const startSchema = z.object({
  key: z.string().min(1).max(120),
  visitorId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8 to 128 letters, digits, "-" or "_"'),
  hostOrigin: z.string().max(300).optional(),
  language: z.string().max(20).optional(),
  identity: identitySchema.optional(),
});

/**
 * Resumes the visitor's conversation (with its history) or hands out the id of a new one,
 * with the token for the calls that follow. A new conversation is stored with its first
 * message, not here. The publishable key names the tenant; the website must be on its
 * allow-list; an identified visitor must carry a valid signed identity and only ever sees
 * the conversations of that identity.
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
      identified: Boolean(identity),
      messages,
    });
  },
};

/** The verified identity, or null for an anonymous visitor (refused when identity is required). */
async function identify(
  tenant: WidgetTenant,
  claim: z.infer<typeof identitySchema> | undefined,
): Promise<VerifiedIdentity | null> {
  if (claim) return verifyIdentity(tenant.identitySecretEncrypted, claim);
  if (!tenant.identityRequired) return null;
  throw new HttpError(
    401,
    `${tenant.name} asks visitors to sign in before chatting. Sign in on the website, then open the chat again.`,
    'identity_required',
  );
}

export const listMessagesRoute: Route = {
  method: 'GET',
  path: '/v1/conversations/:id/messages',
  handle: async (ctx) => {
    const { grant } = await authorizeVisitor(ctx);
    // A conversation not stored yet (no first message) simply has none.
    const messages = await listMessages(ctx.app.db, grant.tenantId, grant.conversationId);
    sendJson(ctx.res, 200, { messages });
  },
};
