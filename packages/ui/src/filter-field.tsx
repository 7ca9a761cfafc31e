import type { ReactNode } from 'react';

/** One labelled control in a filter bar (`.filters`), which lays these out in a row. */
export function FilterField({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <div className="filters__field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
