import type { Metadata } from 'next';
import { Analytics } from '~/components/analytics/analytics';
import { requireWorkspace } from '~/server/workspace';
import '~/components/widget/panels.css';
import '~/components/analytics/analytics.css';

export const metadata: Metadata = { title: 'Analytics' };

/** How the assistant and the team are doing, and what customers ask. */
export default async function AnalyticsPage() {
  const { current } = await requireWorkspace();
  return (
    <div className="page">
      <header className="page__header">
        <h1>Analytics</h1>
        <p className="muted">
          Conversations, resolution rate, hand-offs and what people ask about.
        </p>
      </header>
      {/* Adding FAQ entries changes the knowledge, which is an admin's job. */}
      <Analytics canEditKnowledge={current.role !== 'agent'} />
    </div>
  );
}
