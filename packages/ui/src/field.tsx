import type { ReactNode } from 'react';
import { FieldNotes } from './field-notes';

/** What a control needs so its label, hint and error reach assistive technology. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/**
 * The accessibility attributes of a form control with an optional hint and error below it:
 * screen readers read both with the control, and an error marks it invalid.
 */
export function describedBy(
  id: string,
  opts: { hint?: ReactNode; error?: string | null },
): ControlProps {
  const ids = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null].filter(Boolean);
  return {
    id,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
    'aria-invalid': opts.error ? true : undefined,
  };
}

/**
 * A labelled field. `children` is the control: either given `describedBy(id, …)` by the
 * caller, or a function handed those props, so id, hint and error are written once.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: ReactNode | ((control: ControlProps) => ReactNode);
  className?: string;
}) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {typeof children === 'function' ? children(describedBy(id, { hint, error })) : children}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
