import Script from 'next/script';
import { liveWidget, widgetScriptUrl } from '~/lib/widget';

/**
 * The real Replyline widget, on our own site, answering from the demo workspace. It loads
 * after the page has (lazyOnload), exactly as we tell customers it will on theirs.
 */
export function LiveWidget() {
  if (!liveWidget) return null;
  return (
    <Script
      id="replyline-widget"
      src={widgetScriptUrl(liveWidget.apiUrl)}
      data-key={liveWidget.key}
      strategy="lazyOnload"
    />
  );
}
