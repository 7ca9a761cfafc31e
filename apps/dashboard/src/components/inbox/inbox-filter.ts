/** The inbox's filter controls as the form holds them: strings, '' for "any". */
export interface InboxFilterForm {
  /** The view: '' all, the viewer's own, or nobody's. */
  assigned: '' | 'mine' | 'unassigned';
  /** Words in messages, or the customer's name or email. */
  search: string;
  status: '' | 'open' | 'escalated' | 'resolved';
  /** '' any, 'yes' went to a person at some point, 'no' never did. */
  escalated: '' | 'yes' | 'no';
  /** Least CSAT rating, '1'…'5'. */
  minRating: string;
  language: string;
  /** Calendar days (YYYY-MM-DD) of last activity, in the viewer's time zone. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: InboxFilterForm = {
  assigned: '',
  search: '',
  status: '',
  escalated: '',
  minRating: '',
  language: '',
  from: '',
  to: '',
};

/** What `inbox.list` and `inbox.export` take as a filter (ZInboxFilter). */
export interface InboxFilterInput {
  assigned?: 'mine' | 'unassigned';
  search?: string;
  status?: 'open' | 'escalated' | 'resolved';
  escalated?: boolean;
  rating?: { min?: number; max?: number };
  language?: string;
  from?: Date;
  to?: Date;
}

/** A local calendar day: its first moment, or its last when `endOfDay`. */
function localDay(value: string, endOfDay: boolean): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return endOfDay ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
}

/** The form's values as the procedure's filter: empty controls say nothing. */
export function toInboxFilter(form: InboxFilterForm): InboxFilterInput {
  const filter: InboxFilterInput = {};
  if (form.assigned) filter.assigned = form.assigned;
  const search = form.search.trim();
  if (search) filter.search = search.slice(0, 200);
  if (form.status) filter.status = form.status;
  if (form.escalated) filter.escalated = form.escalated === 'yes';
  const min = Number(form.minRating);
  if (Number.isInteger(min) && min >= 1 && min <= 5) filter.rating = { min };
  const language = form.language.trim();
  // The server wants at least two letters; one letter while typing is not a filter yet.
  if (language.length >= 2) filter.language = language;
  const from = localDay(form.from, false);
  const to = localDay(form.to, true);
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
}

/** Does any control narrow the list? (The view tabs are not filters.) */
export function isFiltered(form: InboxFilterForm): boolean {
  return Object.keys(toInboxFilter({ ...form, assigned: '' })).length > 0;
}
