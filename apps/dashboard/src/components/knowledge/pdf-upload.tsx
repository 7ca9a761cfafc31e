'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useReducer, useRef, useState, type DragEvent } from 'react';
import { useTRPC, useWorkspaceId } from '~/trpc/react';
import { sendPdf } from './send-pdf';
import {
  formatBytes,
  percentOf,
  refuseBeforeUpload,
  UPLOAD_ACCEPT,
  uploadsReducer,
  type UploadItem,
} from './upload-state';

/**
 * Drop files here (PDF, Word, HTML, Markdown, text) or pick them; each shows its own progress,
 * then its status in the list.
 */
export function PdfUpload({ maxBytes }: { maxBytes: number }) {
  const trpc = useTRPC();
  const workspaceId = useWorkspaceId();
  const queryClient = useQueryClient();
  const [uploads, dispatch] = useReducer(uploadsReducer, []);
  const [dragging, setDragging] = useState(false);
  const nextId = useRef(0);

  function start(files: Iterable<File>) {
    for (const file of files) {
      const id = `upload-${(nextId.current += 1)}`;
      dispatch({ type: 'add', id, name: file.name, size: file.size });
      const refused = refuseBeforeUpload(file, maxBytes);
      if (refused) {
        dispatch({ type: 'failed', id, message: refused });
        continue;
      }
      sendPdf(file, {
        workspaceId,
        onProgress: (loaded) => dispatch({ type: 'progress', id, loaded }),
      })
        .then(
          (result) => dispatch({ type: 'done', id, result }),
          (error: Error) => dispatch({ type: 'failed', id, message: error.message }),
        )
        // The new document (and its processing) shows in the list, which polls from here on.
        .finally(() => void queryClient.invalidateQueries(trpc.knowledge.list.pathFilter()));
    }
  }

  const dragHandlers = {
    onDragEnter: (event: DragEvent) => {
      event.preventDefault();
      setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (event: DragEvent<HTMLElement>) => {
      // Moving over a child element fires leave on the zone; only leaving the zone counts.
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      start(Array.from(event.dataTransfer.files));
    },
  };

  const finished = uploads.some((item) => item.phase !== 'uploading');
  return (
    <div className="upload-area">
      <div className={dragging ? 'dropzone dropzone--active' : 'dropzone'} {...dragHandlers}>
        <p className="dropzone__title">Drop PDF, Word, HTML, Markdown or text files here</p>
        <input
          id="pdf-upload"
          type="file"
          name="pdf"
          accept={UPLOAD_ACCEPT}
          multiple
          className="visually-hidden"
          aria-describedby="pdf-upload-hint"
          onChange={(event) => {
            start(Array.from(event.currentTarget.files ?? []));
            // The same file can be picked again (after fixing it, say).
            event.currentTarget.value = '';
          }}
        />
        <label htmlFor="pdf-upload" className="button button--quiet">
          Choose files
        </label>
        <p id="pdf-upload-hint" className="hint">
          Up to {formatBytes(maxBytes)} each. Files are read for their text; scanned PDFs without a
          text layer cannot be searched.
        </p>
      </div>
      {uploads.length > 0 && (
        <div className="uploads">
          <ul aria-label="Uploads" aria-live="polite">
            {uploads.map((item) => (
              <UploadRow key={item.id} item={item} />
            ))}
          </ul>
          {finished && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => dispatch({ type: 'clearFinished' })}
            >
              Clear finished uploads
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export function UploadRow({ item }: { item: UploadItem }) {
  const percent = percentOf(item);
  return (
    <li className="upload" data-upload-phase={item.phase}>
      <div className="upload__line">
        <span className="upload__name">{item.name}</span>
        <span className="muted">{formatBytes(item.size)}</span>
        {item.phase === 'uploading' && <span className="muted">{percent}%</span>}
      </div>
      {item.phase === 'uploading' && (
        <progress max={100} value={percent} aria-label={`Uploading ${item.name}`}>
          {percent}%
        </progress>
      )}
      {item.message && (
        <p className={item.phase === 'failed' ? 'field__error' : 'hint'}>{item.message}</p>
      )}
    </li>
  );
}
