export const TICKET_STATUSES = ['open', 'pending', 'solved', 'closed'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** The tickets table's filter controls as the form holds them; '' means any. */
export interface TicketFilterForm {
  status: '' | TicketStatus;
  priority: '' | TicketPriority;
  category: string;
  /** '' anyone, 'me', 'unassigned' or a member's user id. */
  assignee: string;
  search: string;
}

export const EMPTY_TICKET_FILTER: TicketFilterForm = {
  status: '',
  priority: '',
  category: '',
  assignee: '',
  search: '',
};

/** What `tickets.list` takes (ZListTickets), without the paging. */
export interface TicketFilterInput {
  status?: TicketStatus;
  priority?: TicketPriority;
  category?: string;
  assignee?: string;
  search?: string;
}

/** The form's values as the procedure's filter; blank text says nothing. */
export function toTicketFilter(form: TicketFilterForm): TicketFilterInput {
  const filter: TicketFilterInput = {};
  if (form.status) filter.status = form.status;
  if (form.priority) filter.priority = form.priority;
  const category = form.category.trim();
  if (category) filter.category = category.slice(0, 60);
  if (form.assignee) filter.assignee = form.assignee;
  const search = form.search.trim();
  if (search) filter.search = search.slice(0, 200);
  return filter;
}

/**
 * The changes a detail select makes, as `tickets.update` takes them: '' in the category or
 * assignee select clears it (null), never sends an empty string the server would refuse.
 */
export function ticketChange(
  field: 'status' | 'priority' | 'category' | 'assigneeUserId',
  value: string,
): Record<string, string | null> {
  if (field === 'category' || field === 'assigneeUserId')
    return { [field]: value.trim() ? value.trim() : null };
  return { [field]: value };
}
