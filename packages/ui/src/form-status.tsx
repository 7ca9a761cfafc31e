/**
 * The form's own message: an error (announced at once) or a quiet confirmation. The status
 * paragraph is always rendered, even empty, so screen readers hear a later "Saved."
 */
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
