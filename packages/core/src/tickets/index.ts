// Tickets as the dashboard reads them; their writes live with the conversations they belong to.
export {
  createTicket,
  replyToTicket,
  updateTicket,
  ZCreateTicket,
  ZUpdateTicket,
} from '../conversations';
export { getTicket } from './get-ticket';
export { ZListTickets, listTickets } from './list-tickets';
export { notifyTicketCreated, type TicketNotificationDeps } from './notify-ticket-created';
export { acknowledgeHandoff } from './acknowledge-handoff';
export { exportTickets, TICKET_EXPORT_LIMIT } from './export-tickets';
export { listTicketAttachments, readTicketAttachment } from './ticket-attachments';
