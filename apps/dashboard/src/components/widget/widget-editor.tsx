'use client';

import { FormStatus } from '@replyline/ui/form-status';
import { Panel } from '@replyline/ui/panel';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { AssistantForm } from './assistant-form';
import { BrandingForm } from './branding-form';
import { EmbedSnippet } from './embed-snippet';
import { IdentityRequired } from './identity-required';
import { IdentitySecret } from './identity-secret';
import { OriginsForm } from './origins-form';
import { useSettledOnce } from './use-settled-once';
import { WidgetPreview } from './widget-preview';
import type { WidgetSettings } from './widget-settings';

/** How long the API caches a workspace's public settings (apps/api tenant-directory). */
const API_SETTINGS_CACHE_MS = 5_000;

/** Everything about the chat widget, each section saved on its own, beside a live preview. */
export function WidgetEditor({ canEdit, initial }: { canEdit: boolean; initial?: WidgetSettings }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.widget.get.queryOptions(undefined, { initialData: initial }));
  const [previewVersion, setPreviewVersion] = useState(0);
  const later = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(later.current), []);
  const reload = () => setPreviewVersion((version) => version + 1);
  // The API keeps a workspace's public settings for a few seconds: load the frame again now,
  // and once more when that copy has certainly expired.
  const reloadAfterSave = () => {
    reload();
    clearTimeout(later.current);
    later.current = setTimeout(reload, API_SETTINGS_CACHE_MS + 500);
  };

  const settled = useSettledOnce(query);

  if (query.isError) return <FormStatus error={query.error.message} />;
  if (query.isPending || !settled) return <p className="muted">Loading the widget’s settings…</p>;
  const settings = query.data;
  const section = { settings, canEdit, onSaved: reloadAfterSave };
  return (
    <div className="widget-editor">
      <div className="widget-editor__forms">
        <Panel id="branding" title="Branding" description="How the chat looks and greets people.">
          <BrandingForm {...section} />
        </Panel>
        <Panel
          id="assistant"
          title="Assistant"
          description="Who answers, how, and in which language."
        >
          <AssistantForm {...section} />
        </Panel>
        <Panel
          id="websites"
          title="Allowed websites"
          description="The chat only works on these sites."
        >
          <OriginsForm {...section} />
        </Panel>
        <Panel id="embed" title="Embed snippet">
          <EmbedSnippet snippet={settings.embedSnippet} />
        </Panel>
        <Panel id="identity" title="Identity verification">
          <IdentitySecret hasSecret={settings.hasIdentitySecret} canEdit={canEdit} />
          <IdentityRequired {...section} />
        </Panel>
      </div>
      <aside className="widget-editor__preview" aria-label="Preview">
        <Panel
          id="preview"
          title="Live preview"
          actions={
            <button type="button" className="button button--quiet button--small" onClick={reload}>
              Reload
            </button>
          }
        >
          <WidgetPreview
            settings={settings}
            version={previewVersion}
            canEdit={canEdit}
            onSaved={reloadAfterSave}
          />
        </Panel>
      </aside>
    </div>
  );
}
