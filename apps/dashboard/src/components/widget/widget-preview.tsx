'use client';

import { FormStatus } from '@replyline/ui/form-status';
import { useSyncExternalStore } from 'react';
import { errorAt } from './form-errors';
import { previewFrameUrl, previewHint } from './preview-origin';
import { useSaveWidget } from './use-save-widget';
import type { WidgetSettings } from './widget-settings';

const noSubscription = () => () => {};

/** This dashboard's origin in the browser; null while rendering on the server. */
function useDashboardOrigin(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => null,
  );
}

/**
 * The real chat, as the API serves it to a site: its frame page with the saved settings. The
 * API only renders it for allowed websites, so this dashboard must be one of them.
 */
export function WidgetPreview({
  settings,
  version,
  canEdit,
  onSaved,
}: {
  settings: WidgetSettings;
  /** Bumped after every save: the frame loads again with the new settings. */
  version: number;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const dashboardOrigin = useDashboardOrigin();
  if (!settings.apiUrl)
    return (
      <p className="notice">
        The preview needs the public address of the Replyline API, which is not configured for this
        dashboard.
      </p>
    );
  if (!dashboardOrigin) return <p className="muted">Loading the preview…</p>;
  const hint = previewHint(dashboardOrigin, settings.allowedOrigins);
  if (hint)
    return (
      <div className="preview-hint" data-preview-hint="">
        <p className="notice">{hint}</p>
        {canEdit && (
          <AllowDashboard origin={dashboardOrigin} settings={settings} onSaved={onSaved} />
        )}
      </div>
    );
  return (
    <div className="preview">
      <iframe
        key={version}
        className="preview__frame"
        title="Chat widget preview"
        src={previewFrameUrl(settings.apiUrl, settings.publishableKey, dashboardOrigin)}
      />
      <p className="hint">
        The preview shows saved settings (within a few seconds of saving) and answers from your
        knowledge.
      </p>
    </div>
  );
}

function AllowDashboard({
  origin,
  settings,
  onSaved,
}: {
  origin: string;
  settings: WidgetSettings;
  onSaved: () => void;
}) {
  const { save, pending, errors } = useSaveWidget(onSaved);
  return (
    <>
      <button
        type="button"
        className="button button--quiet"
        disabled={pending}
        onClick={() => void save({ allowedOrigins: [...settings.allowedOrigins, origin] })}
      >
        {pending ? 'Adding…' : `Allow ${origin}`}
      </button>
      <FormStatus error={errorAt(errors, 'allowedOrigins') ?? errors.message} />
    </>
  );
}
