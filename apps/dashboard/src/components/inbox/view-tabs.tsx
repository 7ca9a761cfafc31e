'use client';

import type { InboxFilterForm } from './inbox-filter';

const VIEWS: { value: InboxFilterForm['assigned']; label: string }[] = [
  { value: 'mine', label: 'Mine' },
  { value: 'unassigned', label: 'Unassigned' },
  { value: '', label: 'All' },
];

/** The inbox's three views: what is mine, what nobody has taken, everything. */
export function ViewTabs({
  value,
  onChange,
}: {
  value: InboxFilterForm['assigned'];
  onChange: (view: InboxFilterForm['assigned']) => void;
}) {
  return (
    <div className="view-tabs" role="group" aria-label="View">
      {VIEWS.map((view) => (
        <button
          key={view.label}
          type="button"
          className="view-tabs__tab"
          aria-pressed={value === view.value}
          onClick={() => onChange(view.value)}
        >
          {view.label}
        </button>
      ))}
    </div>
  );
}
