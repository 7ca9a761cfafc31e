import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { requireWorkspace } from '~/server/workspace';
import { TicketsView } from '~/components/tickets/tickets-view';

export const metadata: Metadata = { title: 'Ticket' };

/** The address notification emails link to: the tickets page with this ticket open. */
export default async function TicketPage({ params }: { params: Promise<{ ticketId: string }> }) {
  await requireWorkspace();
  const { ticketId } = await params;
  if (!z.uuid().safeParse(ticketId).success) notFound();
  return <TicketsView ticketId={ticketId} />;
}
