import type { InputHTMLAttributes } from 'react';
import { FilterField } from './filter-field';

/** A filter typed in (text, search, a date); other input attributes pass through. */
export function FilterInput({
  id,
  label,
  value,
  onChange,
  ...input
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>) {
  return (
    <FilterField id={id} label={label}>
      <input id={id} value={value} {...input} onChange={(e) => onChange(e.currentTarget.value)} />
    </FilterField>
  );
}
