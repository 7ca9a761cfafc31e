'use client';

import { ACTIONS_COLUMN, DataTable } from '@replyline/ui/data-table';
import { FormStatus } from '@replyline/ui/form-status';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '~/trpc/react';
import {
  kindLabel,
  pagesText,
  pollInterval,
  statusLabel,
  type KnowledgeDocument,
} from './document-status';
import { RowActions } from './row-actions';

const COLUMNS = ['Document', 'Type', 'Status', 'Passages', 'Updated'];

/**
 * The workspace's documents with their processing status, read again every 2 s while one is
 * queued or processing. FAQ entries and crawled web pages are documents too, but they are
 * managed in the FAQ editor and under "Websites".
 */
export function DocumentList({
  canEdit,
  initial,
}: {
  canEdit: boolean;
  initial?: KnowledgeDocument[];
}) {
  const trpc = useTRPC();
  const list = useQuery(
    trpc.knowledge.list.queryOptions(undefined, {
      initialData: initial,
      refetchInterval: (query) => pollInterval(query.state.data),
    }),
  );
  const documents = list.data?.filter((d) => d.kind !== 'faq' && d.kind !== 'web') ?? [];

  if (list.isPending) return <p className="muted">Loading documents…</p>;
  if (list.isError) return <FormStatus error={list.error.message} />;
  return (
    <DataTable
      columns={[...COLUMNS, ...(canEdit ? [ACTIONS_COLUMN] : [])]}
      rows={documents}
      renderRow={(document) => (
        <DocumentRow key={document.id} document={document} canEdit={canEdit} />
      )}
      empty={
        <p className="empty">
          No documents yet.{canEdit ? ' Upload a PDF or add a text document to get started.' : ''}
        </p>
      }
    />
  );
}

function DocumentRow({ document, canEdit }: { document: KnowledgeDocument; canEdit: boolean }) {
  const pages = pagesText(document);
  const reading = document.status === 'processing' && Boolean(document.pagesTotal);
  return (
    <tr data-document-id={document.id} data-status={document.status}>
      <td>
        <Link className="document__title" href={`/knowledge/documents/${document.id}`}>
          {document.title}
        </Link>
        {document.error && (
          <p className="field__error">{document.error}</p>
        )}
      </td>
      <td>{kindLabel(document)}</td>
      <td>
        <span className={`status status--${document.status}`}>{statusLabel(document)}</span>
        {pages && <span className="document__pages muted">{pages}</span>}
        {reading && (
          <progress
            max={document.pagesTotal ?? 1}
            value={document.pagesDone}
            aria-label={`Pages read of ${document.title}`}
          />
        )}
      </td>
      <td>{document.status === 'ready' ? document.chunkCount : '–'}</td>
      <td>
        <time dateTime={new Date(document.updatedAt).toISOString()}>
          {new Date(document.updatedAt).toLocaleString()}
        </time>
      </td>
      {canEdit && (
        <td>
          <DocumentActions document={document} />
        </td>
      )}
    </tr>
  );
}

function DocumentActions({ document }: { document: KnowledgeDocument }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = {
    onSuccess: () => queryClient.invalidateQueries(trpc.knowledge.list.pathFilter()),
  };
  const reingest = useMutation(trpc.knowledge.reingest.mutationOptions(options));
  const remove = useMutation(trpc.knowledge.delete.mutationOptions(options));
  const pending = document.status === 'queued' || document.status === 'processing';
  return (
    <RowActions
      busy={reingest.isPending || remove.isPending}
      actions={[
        {
          label: 'Re-ingest',
          ariaLabel: `Re-ingest "${document.title}"`,
          disabled: pending,
          run: () => reingest.mutateAsync({ documentId: document.id }),
        },
        {
          label: 'Delete',
          ariaLabel: `Delete "${document.title}"`,
          danger: true,
          confirm: `Delete "${document.title}"? The assistant stops using it at once.`,
          run: () => remove.mutateAsync({ documentId: document.id }),
        },
      ]}
    />
  );
}
