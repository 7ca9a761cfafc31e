'use client';

import { DataTable } from '@replyline/ui/data-table';
import { FilterInput } from '@replyline/ui/filter-input';
import { FilterSelect } from '@replyline/ui/filter-select';
import { LoadMoreButton } from '@replyline/ui/load-more-button';
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
    <div className="inbox inbox--tickets">
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
        ) : (
          <DataTable
            className="tickets-table"
            columns={['#', 'Ticket', 'Status', 'Assignee', 'Created']}
            rows={rows}
            empty={<p className="empty">No tickets match.</p>}
            renderRow={(ticket) => (
              <tr
                key={ticket.id}
                data-ticket-id={ticket.id}
                aria-selected={ticket.id === selectedId}
                className={ticket.id === selectedId ? 'tickets-table__selected' : undefined}
              >
                <td className="tickets-table__nowrap">{ticket.number}</td>
                <td className="tickets-table__subject">
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
                <td className="tickets-table__chips">
                  <span className={`chip chip--ticket-${ticket.status}`}>{ticket.status}</span>{' '}
                  <span className={`chip chip--priority-${ticket.priority}`}>
                    {ticket.priority}
                  </span>
                </td>
                <td className="tickets-table__nowrap">
                  {ticket.assigneeName ?? (ticket.assigneeUserId ? 'A member' : '—')}
                </td>
                <td className="tickets-table__nowrap">
                  <time dateTime={isoOf(ticket.createdAt)}>{formatWhen(ticket.createdAt)}</time>
                </td>
              </tr>
            )}
          />
        )}
        <LoadMoreButton pages={list} label="Load older tickets" />
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
      <FilterInput
        id="ticket-filter-search"
        label="Search"
        type="search"
        value={value.search}
        placeholder="Subject or customer"
        onChange={(v) => set('search', v)}
      />
      <FilterSelect
        id="ticket-filter-status"
        label="Status"
        value={value.status}
        options={TICKET_STATUSES}
        onChange={(v) => set('status', v)}
      />
      <FilterSelect
        id="ticket-filter-priority"
        label="Priority"
        value={value.priority}
        options={TICKET_PRIORITIES}
        onChange={(v) => set('priority', v)}
      />
      <FilterInput
        id="ticket-filter-category"
        label="Category"
        value={value.category}
        maxLength={60}
        onChange={(v) => set('category', v)}
      />
      <FilterSelect
        id="ticket-filter-assignee"
        label="Assignee"
        anyLabel="Anyone"
        value={value.assignee}
        options={[
          { value: 'me', label: 'Me' },
          { value: 'unassigned', label: 'Unassigned' },
          ...members.map((m) => ({ value: m.id, label: m.label })),
        ]}
        onChange={(v) => set('assignee', v)}
      />
    </form>
  );
}
