import { FilterField } from './filter-field';

/** A choice: its value, and its text when that differs from the value. */
export type FilterOption<V extends string> = V | { value: V; label: string };

/**
 * A filter's drop-down. The first option, value '', means "no filter" (`anyLabel`), so a
 * cleared form shows every row.
 */
export function FilterSelect<V extends string>({
  id,
  label,
  value,
  options,
  anyLabel = 'Any',
  onChange,
}: {
  id: string;
  label: string;
  value: V | '';
  options: readonly FilterOption<V>[];
  anyLabel?: string;
  onChange: (value: V | '') => void;
}) {
  return (
    <FilterField id={id} label={label}>
      <select
        id={id}
        value={value}
        // The options are exactly '' and the given values.
        onChange={(e) => onChange(e.currentTarget.value as V | '')}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => {
          const { value: v, label: text } =
            typeof option === 'string' ? { value: option, label: option } : option;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </select>
    </FilterField>
  );
}
