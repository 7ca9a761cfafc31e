'use client';

import { LoadMoreButton } from '@replyline/ui/load-more-button';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { ConversationList } from './conversation-list';
import { ExportButtons } from './export-buttons';
import { FilterBar } from './filter-bar';
import { EMPTY_FILTER, isFiltered, toInboxFilter, type InboxFilterForm } from './inbox-filter';
import { Transcript } from './transcript';
import { useInboxEvents } from './use-inbox-events';
import { ViewTabs } from './view-tabs';

/** Two panes: the conversations (filters, multi-select, export) and the one open. */
export function Inbox({ initialConversationId }: { initialConversationId: string | null }) {
  const trpc = useTRPC();
  const [form, setForm] = useState<InboxFilterForm>(EMPTY_FILTER);
  const [selectedId, setSelectedId] = useState(initialConversationId);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  // Typing a search does not wait for each keystroke's list.
  const deferredForm = useDeferredValue(form);
  const filter = useMemo(() => toInboxFilter(deferredForm), [deferredForm]);
  useInboxEvents();

  const list = useInfiniteQuery(
    trpc.inbox.list.infiniteQueryOptions(
      { ...filter, limit: 50 },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        // Pushed changes invalidate it (useInboxEvents); nothing polls.
        staleTime: Infinity,
      },
    ),
  );
  const rows = list.data?.pages.flatMap((page) => page.conversations) ?? [];

  function select(id: string) {
    setSelectedId(id);
    // A link to the open conversation, without a navigation.
    window.history.replaceState(null, '', `/inbox?conversation=${id}`);
  }

  function check(id: string, on: boolean) {
    setChecked((before) => {
      const next = new Set(before);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const allChecked = rows.length > 0 && rows.every((row) => checked.has(row.id));
  return (
    <div className="inbox">
      <section className="inbox__list" aria-labelledby="inbox-list-title">
        <h2 id="inbox-list-title" className="visually-hidden">
          Conversations
        </h2>
        <ViewTabs
          value={form.assigned}
          onChange={(assigned) => {
            setForm({ ...form, assigned });
            setChecked(new Set());
          }}
        />
        <FilterBar
          value={form}
          onChange={(next) => {
            setForm(next);
            // A selection the new filter may hide would be exported unseen.
            setChecked(new Set());
          }}
        />
        <div className="inbox__bulk">
          <label className="inbox__check-all">
            <input
              type="checkbox"
              checked={allChecked}
              disabled={rows.length === 0}
              onChange={(event) =>
                setChecked(event.currentTarget.checked ? new Set(rows.map((r) => r.id)) : new Set())
              }
            />{' '}
            Select all
          </label>
          <span className="muted" aria-live="polite">
            {checked.size > 0
              ? `${checked.size} selected`
              : 'None selected: export takes all that match (up to 1,000)'}
          </span>
          {/* Nothing ticked exports everything the filters match (the server caps it). */}
          <ExportButtons
            request={checked.size > 0 ? { ids: [...checked] } : { filter }}
            label={
              checked.size > 0
                ? `${checked.size} selected conversations`
                : 'all conversations matching the filters'
            }
            disabled={rows.length === 0}
          />
        </div>
        {list.isPending ? (
          <p className="muted">Loading conversations…</p>
        ) : list.isError ? (
          <p role="alert" className="alert">
            {list.error.message}
          </p>
        ) : rows.length === 0 ? (
          <p className="empty">
            {isFiltered(form) ? 'No conversations match these filters.' : 'No conversations yet.'}
          </p>
        ) : (
          <ConversationList
            rows={rows}
            selectedId={selectedId}
            checked={checked}
            onSelect={select}
            onCheck={check}
          />
        )}
        <LoadMoreButton pages={list} label="Load older conversations" />
      </section>
      <section className="inbox__detail" aria-label="Conversation">
        {selectedId ? (
          <Transcript key={selectedId} conversationId={selectedId} onOpen={select} />
        ) : (
          <p className="empty">Choose a conversation to read it and answer.</p>
        )}
      </section>
    </div>
  );
}
