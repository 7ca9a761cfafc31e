import { sendJson } from '../../http';
import type { Route } from '../../router';
import { allowOrigin } from '../../public/cors';
import { isAllowedOrigin, normalizeOrigin, originNotAllowed } from '../../public/origin';

/** Branding for the host-page loader's launcher; answers only pages on an allowed website. */
export const widgetConfigRoute: Route = {
  method: 'GET',
  path: '/v1/widget/config',
  handle: async (ctx) => {
    const tenant = await ctx.app.publicApi.tenants.byKey(ctx.url.searchParams.get('key') ?? '');
    const origin = normalizeOrigin(ctx.req.headers.origin);
    if (!isAllowedOrigin(tenant.allowedOrigins, origin))
      throw originNotAllowed(origin, tenant.name);
    allowOrigin(ctx.req, ctx.res);
    sendJson(ctx.res, 200, publicProfile(tenant), { 'cache-control': 'public, max-age=60' });
  },
};

export function publicProfile(tenant: {
  name: string;
  language: string;
  assistantName: string;
  branding: unknown;
}) {
  return {
    name: tenant.name,
    language: tenant.language,
    assistantName: tenant.assistantName,
    branding: tenant.branding,
  };
}
