import type { ReactNode } from 'react';

/**
 * The accessibility attributes of a form control with an optional hint and error below it:
 * screen readers read both with the control, and an error marks it invalid.
 */
export function describedBy(id: string, opts: { hint?: ReactNode; error?: string | null }) {
  const ids = [opts.hint ? `${id}-hint` : null, opts.error ? `${id}-error` : null].filter(Boolean);
  return {
    id,
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
    'aria-invalid': opts.error ? true : undefined,
  };
}

/** A labelled field: `children` is the control, given `describedBy(id, …)`. */
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
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

export function FieldNotes({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: ReactNode;
  error?: string | null;
}) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </>
  );
}

/** The form's own message: an error (announced at once) or a quiet confirmation. */
export function FormStatus({ error, done }: { error?: string | null; done?: string | null }) {
  if (error)
    return (
      <p role="alert" className="alert">
        {error}
      </p>
    );
  return (
    <p role="status" className="form-status">
      {done ?? ''}
    </p>
  );
}
