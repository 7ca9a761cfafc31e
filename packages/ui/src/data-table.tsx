import type { ReactNode } from 'react';

/** A column heading; `hidden` ones are read by screen readers only (e.g. a row's buttons). */
export type Column = string | { label: string; hidden: true };

/** The heading of a column of per-row buttons. */
export const ACTIONS_COLUMN: Column = { label: 'Actions', hidden: true };

/**
 * A table of records: the heading row, then one row a record, or `empty` in place of the
 * table when there are none. Rows are the caller's own `<tr>`s, so they keep their cells,
 * data attributes and hooks.
 */
export function DataTable<T>({
  columns,
  rows,
  renderRow,
  empty,
  className,
}: {
  columns: readonly Column[];
  rows: readonly T[];
  renderRow: (row: T) => ReactNode;
  /** Shown instead of the table when `rows` is empty; without it the table shows no rows. */
  empty?: ReactNode;
  /** Added to `table`, for a table's own column styles. */
  className?: string;
}) {
  if (rows.length === 0 && empty !== undefined) return empty;
  return (
    <div className="table-wrap">
      <table className={className ? `table ${className}` : 'table'}>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col">
                  <span className="visually-hidden">{column.label}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{rows.map(renderRow)}</tbody>
      </table>
    </div>
  );
}
