import { ReadOnlyNotice } from '@replyline/ui/read-only-notice';
import type { Metadata } from 'next';
import { prefetched } from '~/components/widget/prefetched';
import { WidgetEditor } from '~/components/widget/widget-editor';
import type { WidgetSettings } from '~/components/widget/widget-settings';
import { requireWorkspace } from '~/server/workspace';
import { serverApi } from '~/trpc/server';
import '~/components/widget/panels.css';
import '~/components/widget/widget.css';

export const metadata: Metadata = { title: 'Widget' };

export default async function WidgetPage() {
  const { current } = await requireWorkspace();
  const canEdit = current.role !== 'agent';
  const initial = await prefetched<WidgetSettings>(async () => (await serverApi()).widget.get());
  return (
    <div className="page page--wide">
      <header className="page__header">
        <h1>Widget</h1>
        <p className="muted">
          Colours, greeting, the assistant’s persona and the snippet to paste into your site.
        </p>
      </header>
      {!canEdit && (
        <ReadOnlyNotice>
          You can look at the widget’s settings; changing them needs the admin role.
        </ReadOnlyNotice>
      )}
      <WidgetEditor canEdit={canEdit} initial={initial} />
    </div>
  );
}
