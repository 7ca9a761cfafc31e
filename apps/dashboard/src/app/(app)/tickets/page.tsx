import type { Metadata } from 'next';
import { TicketsView } from '~/components/tickets/tickets-view';
import { requireWorkspace } from '~/server/workspace';

export const metadata: Metadata = { title: 'Tickets' };

/** Customers who need a person: from escalations or made by hand, answered by email. */
export default async function TicketsPage() {
  await requireWorkspace();
  return <TicketsView ticketId={null} />;
}
