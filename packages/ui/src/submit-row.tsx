import type { ReactNode } from 'react';
import { FormStatus } from './form-status';

/**
 * The end of a form: its status line, then the submit button (which says what is under way
 * while `pending`), Cancel when the form can be closed, and any further buttons (`children`).
 */
export function SubmitRow({
  label,
  pendingLabel = 'Saving…',
  pending,
  error,
  done,
  onCancel,
  children,
}: {
  label: string;
  pendingLabel?: string;
  pending: boolean;
  error?: string | null;
  done?: string | null;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  return (
    <>
      <FormStatus error={error} done={done} />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? pendingLabel : label}
        </button>
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
        {children}
      </div>
    </>
  );
}
