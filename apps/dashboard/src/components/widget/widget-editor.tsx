'use client';

import { FormStatus } from '@replyline/ui/form-status';
import { Panel } from '@replyline/ui/panel';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { AssistantForm } from './assistant-form';
import { BrandingForm } from './branding-form';
import { EmbedSnippet } from './embed-snippet';
import { IdentityRequired } from './identity-required';
import { IdentitySecret } from './identity-secret';
import { NotAllowedSites } from './not-allowed-sites';
import { OriginsForm } from './origins-form';
import type { WidgetDraft } from './preview-document';
import { useSettledOnce } from './use-settled-once';
import { WidgetPreview } from './widget-preview';
import type { WidgetSettings } from './widget-settings';

const nothingToReload = () => {};

/** Everything about the chat widget, each section saved on its own, beside a live preview. */
export function WidgetEditor({ canEdit, initial }: { canEdit: boolean; initial?: WidgetSettings }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.widget.get.queryOptions(undefined, { initialData: initial }));
  // What the forms hold right now, saved or not: the preview draws it as the owner types.
  const [draft, setDraft] = useState<WidgetDraft>({});
  const onDraft = useCallback(
    (part: WidgetDraft) => setDraft((current) => ({ ...current, ...part })),
    [],
  );

  const settled = useSettledOnce(query);

  if (query.isError) return <FormStatus error={query.error.message} />;
  if (query.isPending || !settled) return <p className="muted">Loading the widget’s settings…</p>;
  const settings = query.data;
  const section = { settings, canEdit, onSaved: nothingToReload };
  return (
    <div className="widget-editor">
      <div className="widget-editor__forms">
        <NotAllowedSites {...section} />
        <Panel id="branding" title="Branding" description="How the chat looks and greets people.">
          <BrandingForm {...section} onDraft={onDraft} />
        </Panel>
        <Panel
          id="assistant"
          title="Assistant"
          description="Who answers, how, and in which language."
        >
          <AssistantForm {...section} onDraft={onDraft} />
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
        <Panel id="preview" title="Live preview">
          <WidgetPreview settings={settings} draft={draft} />
        </Panel>
      </aside>
    </div>
  );
}
