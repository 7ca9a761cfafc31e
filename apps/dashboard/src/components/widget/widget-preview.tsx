'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { previewConfig, previewDocument, type WidgetDraft } from './preview-document';
import { colorInputValue, type WidgetSettings } from './widget-settings';

const noSubscription = () => () => {};
/** Typing pauses this long before the frame is drawn again, so it does not flicker per key. */
const REDRAW_AFTER_MS = 250;

/** This dashboard's origin in the browser; null while rendering on the server. */
function useDashboardOrigin(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => null,
  );
}

/** `value`, once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The real chat frame (the script the API serves to websites) drawn here from the editor's
 * unsaved settings, as the owner types: nothing is saved and the dashboard need not be an
 * allowed website. Beside it, the launcher as visitors see it, with its text.
 */
export function WidgetPreview({
  settings,
  draft,
}: {
  settings: WidgetSettings;
  draft: WidgetDraft;
}) {
  const dashboardOrigin = useDashboardOrigin();
  const config = dashboardOrigin ? previewConfig(settings, draft, dashboardOrigin) : null;
  const document = useSettled(
    config && settings.apiUrl ? previewDocument(settings.apiUrl, config) : null,
    REDRAW_AFTER_MS,
  );
  if (!settings.apiUrl)
    return (
      <p className="notice">
        The preview needs the public address of the Replyline API, which is not configured for this
        dashboard.
      </p>
    );
  if (!config || !document) return <p className="muted">Loading the preview…</p>;
  const { branding } = config.tenant;
  return (
    <div className="preview" data-widget-preview="">
      <iframe
        className="preview__frame"
        title="Chat widget preview"
        // Scripts only: the frame runs in its own opaque origin and cannot reach the dashboard.
        sandbox="allow-scripts"
        srcDoc={document}
      />
      <div className="preview__launcher" data-position={branding.position}>
        {branding.launcherText?.trim() && (
          <span className="preview__label" data-preview-launcher-text="">
            {branding.launcherText.trim()}
          </span>
        )}
        <span
          className="preview__bubble"
          aria-hidden="true"
          style={{ background: colorInputValue(branding.primaryColor) }}
        />
      </div>
      <p className="hint">
        Changes show here as you type; visitors see them after you save. To try answers from your
        knowledge, use the playground under Knowledge.
      </p>
    </div>
  );
}
