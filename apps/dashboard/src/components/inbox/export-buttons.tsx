'use client';

import { useState } from 'react';
import { useWorkspaceId } from '~/trpc/react';
import { fetchExport, saveFile, type ExportFormat, type ExportRequest } from './download';

/** "Export CSV" and "Export JSON" for the conversations `request` names. */
export function ExportButtons({
  request,
  label,
  disabled = false,
}: {
  request: Omit<ExportRequest, 'format'>;
  /** What is exported, for screen readers: "this conversation", "3 selected conversations". */
  label: string;
  disabled?: boolean;
}) {
  const workspaceId = useWorkspaceId();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(format: ExportFormat) {
    setBusy(format);
    setError(null);
    try {
      const file = await fetchExport({ ...request, format }, fetch, workspaceId);
      saveFile(file.blob, file.filename);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The export failed. Try again.');
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="actions export-buttons" role="group" aria-label={`Export ${label}`}>
      {(['csv', 'json'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="button button--quiet button--small"
          disabled={disabled || busy !== null}
          onClick={() => void run(format)}
        >
          {busy === format ? 'Exporting…' : `Export ${format.toUpperCase()}`}
        </button>
      ))}
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
