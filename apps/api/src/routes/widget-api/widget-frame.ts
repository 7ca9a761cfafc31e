import type { ServerResponse } from 'node:http';
import type { WidgetTenant } from '@replyline/db';
import { HttpError } from '../../http';
import type { Route } from '../../router';
import { isAllowedOrigin, normalizeOrigin } from '../../public/origin';
import { frameScriptPath } from '../widget-script';
import type { WidgetBundles } from '../widget-bundles';
import { publicProfile } from './widget-config';

/**
 * The chat iframe. Its CSP lets only the tenant's websites frame it (frame-ancestors), runs
 * no inline script, talks to this origin only, and loads images only from here or the
 * tenant's own logo/avatar hosts, so nothing in an answer can carry the conversation away.
 * Refusals are small pages anyone may frame: the customer sees a polite sentence.
 */
export const widgetFrameRoute = (bundles: WidgetBundles): Route => ({
  method: 'GET',
  path: '/widget/frame',
  handle: async (ctx) => {
    const host = normalizeOrigin(ctx.url.searchParams.get('host'));
    let tenant: WidgetTenant;
    try {
      tenant = await ctx.app.publicApi.tenants.byKey(ctx.url.searchParams.get('key') ?? '');
    } catch (error) {
      if (error instanceof HttpError)
        return sendRefusal(ctx.res, error.status, 'This chat is not available.');
      throw error;
    }
    if (!isAllowedOrigin(tenant.allowedOrigins, host))
      return sendRefusal(ctx.res, 403, 'Chat is not available on this website.');
    const config = {
      key: ctx.url.searchParams.get('key'),
      hostOrigin: host,
      pageLanguage: pageLanguage(ctx.url.searchParams.get('lang')),
      tenant: publicProfile(tenant),
    };
    const script = await frameScriptPath(bundles);
    sendHtml(ctx.res, 200, framePage(config, tenant.language, script), frameCsp(tenant));
  },
});

function frameCsp(tenant: WidgetTenant): string {
  const imageHosts = [tenant.branding.logoUrl, tenant.branding.avatarUrl]
    .map((url) => normalizeOrigin(url))
    .filter((origin): origin is string => origin !== null);
  const ancestors = tenant.allowedOrigins.map(normalizeOrigin).filter(Boolean);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    `img-src 'self' data: ${[...new Set(imageHosts)].join(' ')}`.trim(),
    `frame-ancestors ${ancestors.length ? ancestors.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function framePage(config: unknown, language: string, scriptPath: string): string {
  // JSON inside a non-executed script element: escape `<` so no text can close the element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="${htmlLang(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Chat</title></head><body><div id="app"></div><script id="replyline-config" type="application/json">${json}</script><script src="${scriptPath}"></script></body></html>`;
}

function sendRefusal(res: ServerResponse, status: number, sentence: string) {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Chat unavailable</title><style>body{font:15px/1.5 system-ui,sans-serif;color:#374151;display:flex;align-items:center;justify-content:center;height:100vh;margin:0;padding:24px;box-sizing:border-box;text-align:center}</style></head><body><p data-state="unavailable" role="alert">${sentence}</p></body></html>`;
  sendHtml(res, status, page, "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *");
}

function sendHtml(res: ServerResponse, status: number, html: string, csp: string) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy': csp,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
  res.end(html);
}

function pageLanguage(value: string | null): string | null {
  const match = /^[a-z]{2,3}\b/i.exec(value ?? '');
  return match ? match[0].toLowerCase() : null;
}

const HTML_LANG: Record<string, string> = {
  english: 'en',
  swedish: 'sv',
  norwegian: 'nb',
  danish: 'da',
  german: 'de',
};
function htmlLang(language: string) {
  return HTML_LANG[language] ?? 'en';
}
