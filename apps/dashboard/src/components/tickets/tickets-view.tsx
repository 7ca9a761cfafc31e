import { Tickets } from './tickets';
import '../widget/panels.css';
import '../inbox/inbox.css';
import './tickets.css';

/** The tickets page, with `ticketId` open (from a link in a notification email) or none. */
export function TicketsView({ ticketId }: { ticketId: string | null }) {
  return (
    <div className="page page--wide">
      <header className="page__header">
        <h1>Tickets</h1>
        <p className="muted">Questions handed to your team by email, with their replies.</p>
      </header>
      <Tickets initialTicketId={ticketId} />
    </div>
  );
}
