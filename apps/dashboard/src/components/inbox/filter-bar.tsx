'use client';

import { FilterInput } from '@replyline/ui/filter-input';
import { FilterSelect } from '@replyline/ui/filter-select';
import { EMPTY_FILTER, isFiltered, type InboxFilterForm } from './inbox-filter';

const STATUS_OPTIONS = [
  { value: 'open', label: 'Open' },
  { value: 'escalated', label: 'Escalated' },
  { value: 'resolved', label: 'Resolved' },
] as const;
const ESCALATED_OPTIONS = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;
const RATING_OPTIONS = [5, 4, 3, 2, 1].map((n) => ({
  value: String(n),
  label: n === 5 ? '5 only' : `${n} or more`,
}));

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
      <FilterInput
        id="filter-search"
        label="Search"
        type="search"
        value={value.search}
        placeholder="Words, name or email"
        maxLength={200}
        onChange={(v) => set('search', v)}
      />
      <FilterSelect
        id="filter-status"
        label="Status"
        value={value.status}
        options={STATUS_OPTIONS}
        onChange={(v) => set('status', v)}
      />
      <FilterSelect
        id="filter-escalated"
        label="Went to a person"
        value={value.escalated}
        options={ESCALATED_OPTIONS}
        onChange={(v) => set('escalated', v)}
      />
      <FilterSelect
        id="filter-rating"
        label="Rating"
        value={value.minRating}
        options={RATING_OPTIONS}
        onChange={(v) => set('minRating', v)}
      />
      <FilterInput
        id="filter-language"
        label="Language"
        value={value.language}
        placeholder="e.g. en"
        maxLength={20}
        onChange={(v) => set('language', v)}
      />
      <FilterInput
        id="filter-from"
        label="From"
        type="date"
        value={value.from}
        onChange={(v) => set('from', v)}
      />
      <FilterInput
        id="filter-to"
        label="To"
        type="date"
        value={value.to}
        onChange={(v) => set('to', v)}
      />
      {isFiltered(value) && (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => onChange({ ...EMPTY_FILTER, assigned: value.assigned })}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
