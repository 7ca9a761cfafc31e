'use client';

import { EMPTY_FILTER, isFiltered, type InboxFilterForm } from './inbox-filter';

/** The inbox's filters; every change applies at once (the list is live anyway). */
export function FilterBar({
  value,
  onChange,
}: {
  value: InboxFilterForm;
  onChange: (next: InboxFilterForm) => void;
}) {
  const set = <K extends keyof InboxFilterForm>(key: K, v: InboxFilterForm[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <form
      className="filters"
      aria-label="Filter conversations"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="filters__field">
        <label htmlFor="filter-status">Status</label>
        <select
          id="filter-status"
          value={value.status}
          onChange={(e) => set('status', e.currentTarget.value as InboxFilterForm['status'])}
        >
          <option value="">Any</option>
          <option value="open">Open</option>
          <option value="escalated">Escalated</option>
          <option value="resolved">Resolved</option>
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor="filter-escalated">Went to a person</label>
        <select
          id="filter-escalated"
          value={value.escalated}
          onChange={(e) => set('escalated', e.currentTarget.value as InboxFilterForm['escalated'])}
        >
          <option value="">Any</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor="filter-rating">Rating</label>
        <select
          id="filter-rating"
          value={value.minRating}
          onChange={(e) => set('minRating', e.currentTarget.value)}
        >
          <option value="">Any</option>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={String(n)}>
              {n === 5 ? '5 only' : `${n} or more`}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor="filter-language">Language</label>
        <input
          id="filter-language"
          value={value.language}
          placeholder="e.g. en"
          maxLength={20}
          onChange={(e) => set('language', e.currentTarget.value)}
        />
      </div>
      <div className="filters__field">
        <label htmlFor="filter-from">From</label>
        <input
          id="filter-from"
          type="date"
          value={value.from}
          onChange={(e) => set('from', e.currentTarget.value)}
        />
      </div>
      <div className="filters__field">
        <label htmlFor="filter-to">To</label>
        <input
          id="filter-to"
          type="date"
          value={value.to}
          onChange={(e) => set('to', e.currentTarget.value)}
        />
      </div>
      {isFiltered(value) && (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => onChange(EMPTY_FILTER)}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
