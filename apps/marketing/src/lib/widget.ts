import { env } from '~/env';

/**
 * Gzipped sizes of the widget bundles, as measured by `pnpm --filter @replyline/widget bench`
 * (apps/widget/scripts/bench.mjs). Update them with the benchmark, never by hand-waving.
 */
export const WIDGET_SIZE_KB = { loader: 3.7, loaderAndFrame: 15.4 } as const;

/** The one tag a business pastes into its site. */
export function embedSnippet(apiUrl: string, key: string): string {
  return `<script src="${widgetScriptUrl(apiUrl)}" data-key="${key}" async></script>`;
}

export function widgetScriptUrl(apiUrl: string): string {
  return `${apiUrl}/widget.js`;
}

/** The widget on this very site (the demo workspace), or null when the API is not configured. */
export const liveWidget = env.widgetApiUrl
  ? { apiUrl: env.widgetApiUrl, key: env.demoWidgetKey }
  : null;

/** The API origin the guide shows in its examples: ours when known, else an obvious stand-in. */
export const docsApiUrl = env.widgetApiUrl ?? 'https://api.replyline.example';
