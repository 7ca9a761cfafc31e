'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { formatWhen, isoOf } from '../inbox/format';
import { NewTicketForm } from './new-ticket-form';
import { TicketDetail } from './ticket-detail';
import {
  EMPTY_TICKET_FILTER,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  toTicketFilter,
  type TicketFilterForm,
} from './ticket-filter';
import { useMembers } from './use-members';

/** New escalations appear without a reload, though less urgently than chat messages. */
const LIST_REFRESH_MS = 10_000;

/** The tickets table with its filters, the open ticket beside it, and "New ticket". */
export function Tickets({ initialTicketId }: { initialTicketId: string | null }) {
  const trpc = useTRPC();
  const [form, setForm] = useState<TicketFilterForm>(EMPTY_TICKET_FILTER);
  const [selectedId, setSelectedId] = useState(initialTicketId);
  const [creating, setCreating] = useState(false);
  const filter = useMemo(() => toTicketFilter(form), [form]);
  const list = useInfiniteQuery(
    trpc.tickets.list.infiniteQueryOptions(
      { ...filter, limit: 50 },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        refetchInterval: LIST_REFRESH_MS,
      },
    ),
  );
  const rows = list.data?.pages.flatMap((page) => page.tickets) ?? [];

  function select(id: string) {
    setSelectedId(id);
    setCreating(false);
    window.history.replaceState(null, '', `/tickets/${id}`);
  }

  return (
    <div className="inbox">
      <section className="inbox__list" aria-labelledby="tickets-list-title">
        <div className="panel__header">
          <h2 id="tickets-list-title" className="visually-hidden">
            Tickets
          </h2>
          <button
            type="button"
            className="button button--small"
            aria-expanded={creating}
            onClick={() => setCreating((on) => !on)}
          >
            New ticket
          </button>
        </div>
        <TicketFilters value={form} onChange={setForm} />
        {list.isPending ? (
          <p className="muted">Loading tickets…</p>
        ) : list.isError ? (
          <p role="alert" className="alert">
            {list.error.message}
          </p>
        ) : rows.length === 0 ? (
          <p className="empty">No tickets match.</p>
        ) : (
          <div className="table-wrap">
            <table className="table tickets-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Status</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Assignee</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((ticket) => (
                  <tr
                    key={ticket.id}
                    data-ticket-id={ticket.id}
                    aria-selected={ticket.id === selectedId}
                    className={ticket.id === selectedId ? 'tickets-table__selected' : undefined}
                  >
                    <td>{ticket.number}</td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-current={ticket.id === selectedId ? 'true' : undefined}
                        onClick={() => select(ticket.id)}
                      >
                        {ticket.subject}
                      </button>
                      <span className="muted tickets-table__who">
                        {ticket.customerName || ticket.customerEmail}
                        {ticket.category ? ` · ${ticket.category}` : ''}
                      </span>
                    </td>
                    <td>
                      <span className={`chip chip--ticket-${ticket.status}`}>{ticket.status}</span>
                    </td>
                    <td>
                      <span className={`chip chip--priority-${ticket.priority}`}>
                        {ticket.priority}
                      </span>
                    </td>
                    <td>{ticket.assigneeName ?? (ticket.assigneeUserId ? 'A member' : '—')}</td>
                    <td>
                      <time dateTime={isoOf(ticket.createdAt)}>{formatWhen(ticket.createdAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.hasNextPage && (
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? 'Loading…' : 'Load older tickets'}
          </button>
        )}
      </section>
      <section className="inbox__detail" aria-label={creating ? 'New ticket' : 'Ticket'}>
        {creating ? (
          <NewTicketForm onCreated={select} onCancel={() => setCreating(false)} />
        ) : selectedId ? (
          <TicketDetail key={selectedId} ticketId={selectedId} />
        ) : (
          <p className="empty">Choose a ticket, or make a new one.</p>
        )}
      </section>
    </div>
  );
}

function TicketFilters({
  value,
  onChange,
}: {
  value: TicketFilterForm;
  onChange: (next: TicketFilterForm) => void;
}) {
  const members = useMembers();
  const set = (key: keyof TicketFilterForm, v: string) => onChange({ ...value, [key]: v });
  return (
    <form className="filters" aria-label="Filter tickets" onSubmit={(e) => e.preventDefault()}>
      <div className="filters__field">
        <label htmlFor="ticket-filter-search">Search</label>
        <input
          id="ticket-filter-search"
          type="search"
          value={value.search}
          placeholder="Subject or customer"
          onChange={(e) => set('search', e.currentTarget.value)}
        />
      </div>
      <div className="filters__field">
        <label htmlFor="ticket-filter-status">Status</label>
        <select
          id="ticket-filter-status"
          value={value.status}
          onChange={(e) => set('status', e.currentTarget.value)}
        >
          <option value="">Any</option>
          {TICKET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor="ticket-filter-priority">Priority</label>
        <select
          id="ticket-filter-priority"
          value={value.priority}
          onChange={(e) => set('priority', e.currentTarget.value)}
        >
          <option value="">Any</option>
          {TICKET_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor="ticket-filter-category">Category</label>
        <input
          id="ticket-filter-category"
          value={value.category}
          maxLength={60}
          onChange={(e) => set('category', e.currentTarget.value)}
        />
      </div>
      <div className="filters__field">
        <label htmlFor="ticket-filter-assignee">Assignee</label>
        <select
          id="ticket-filter-assignee"
          value={value.assignee}
          onChange={(e) => set('assignee', e.currentTarget.value)}
        >
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
