import type { Metadata } from 'next';
import { z } from 'zod';
import { Inbox } from '~/components/inbox/inbox';
import { requireWorkspace } from '~/server/workspace';
import '~/components/widget/panels.css';
import '~/components/inbox/inbox.css';

export const metadata: Metadata = { title: 'Inbox' };

/** Live conversations: read, take over, answer, note, resolve and export. */
export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<{ conversation?: string | string[] }>;
}) {
  await requireWorkspace();
  const { conversation } = await searchParams;
  // A link from a ticket or a report opens that conversation; anything else opens none.
  const initial = z.uuid().safeParse(conversation);
  return (
    <div className="page page--wide">
      <header className="page__header">
        <h1>Inbox</h1>
        <p className="muted">
          Live conversations, with the assistant’s answers and the ones waiting for a person.
        </p>
      </header>
      <Inbox initialConversationId={initial.success ? initial.data : null} />
    </div>
  );
}
