import { createRoute } from '@hono/zod-openapi';
import {
  WidgetConfigQuerySchema,
  WidgetProfileSchema,
  type Branding,
  type WidgetProfile,
} from '../../contract';
import { errorResponse, jsonResponse } from '../../contract/responses';
import { sendJson } from '../../http';
import { documentedRoute } from '../../router';
import { allowOrigin } from '../../public/cors';
import { isAllowedOrigin, normalizeOrigin, originNotAllowed } from '../../public/origin';

const widgetConfig = createRoute({
  method: 'get',
  path: '/v1/widget/config',
  summary: 'Branding for the launcher (CORS, allowed websites only)',
  request: { query: WidgetConfigQuerySchema },
  responses: {
    200: jsonResponse('The tenant’s public profile', WidgetProfileSchema),
    403: errorResponse('The page’s origin is not on the allow-list'),
    404: errorResponse('Unknown publishable key'),
  },
});

/** Branding for the host-page loader's launcher; answers only pages on an allowed website. */
export const widgetConfigRoute = documentedRoute(widgetConfig, {
  handle: async (ctx) => {
    const tenant = await ctx.app.publicApi.tenants.byKey(ctx.url.searchParams.get('key') ?? '');
    const origin = normalizeOrigin(ctx.req.headers.origin);
    const allowed = isAllowedOrigin(tenant.allowedOrigins, origin);
    // The owner learns in the dashboard where the widget ran, and where it was refused.
    if (origin) await ctx.app.publicApi.sightings.record(tenant.id, origin, allowed);
    if (!allowed) throw originNotAllowed(origin, tenant.name);
    allowOrigin(ctx.req, ctx.res);
    sendJson(ctx.res, 200, publicProfile(tenant), { 'cache-control': 'public, max-age=60' });
  },
});

export function publicProfile(tenant: {
  name: string;
  language: string;
  assistantName: string;
  branding: Branding;
}): WidgetProfile {
  return {
    name: tenant.name,
    language: tenant.language,
    assistantName: tenant.assistantName,
    branding: withoutCustomerRules(tenant.branding),
  };
}

/** Which greeting each customer type gets is decided at conversation start, not told to everyone. */
function withoutCustomerRules(branding: Branding & { customerGreetings?: unknown }): Branding {
  const { customerGreetings: _rules, ...shown } = branding;
  return shown;
}
