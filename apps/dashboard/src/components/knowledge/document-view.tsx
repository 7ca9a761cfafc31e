'use client';

import { FormStatus } from '@replyline/ui/form-status';
import { Panel } from '@replyline/ui/panel';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type CSSProperties, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { kindLabel, pollInterval, statusLabel, type KnowledgeDocument } from './document-status';

/** Passages per page of the view; the server pages by the same number. */
const PASSAGES_PER_PAGE = 20;

/**
 * A document as the assistant reads it: its outline (pages of a PDF, headings of anything
 * else), its passages page by page, search within it, and its original file.
 */
export function DocumentView({ documentId, canEdit }: { documentId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const document = useQuery(
    trpc.knowledge.get.queryOptions(
      { documentId },
      { refetchInterval: (query) => pollInterval(query.state.data ? [query.state.data] : []) },
    ),
  );
  if (document.isPending) return <p className="muted">Loading the document…</p>;
  if (document.isError) return <FormStatus error={document.error.message} />;
  const found = document.data as KnowledgeDocument;
  return (
    <div className="page document-view">
      <header className="page__header">
        <p>
          <Link href="/knowledge#documents">← Knowledge</Link>
        </p>
        <DocumentTitle document={found} canEdit={canEdit} />
        <p className="muted">
          {kindLabel(found)} · <span data-status={found.status}>{statusLabel(found)}</span>
          {found.status === 'ready' && ` · ${found.chunkCount} passages`}
        </p>
        {found.error && <p className="field__error">{found.error}</p>}
        <DocumentActions document={found} canEdit={canEdit} />
      </header>
      <Passages documentId={documentId} />
    </div>
  );
}

function DocumentTitle({ document, canEdit }: { document: KnowledgeDocument; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(document.title);
  const rename = useMutation(
    trpc.knowledge.rename.mutationOptions({
      onSuccess: async () => {
        setEditing(false);
        await queryClient.invalidateQueries(trpc.knowledge.pathFilter());
      },
    }),
  );
  if (!editing)
    return (
      <div className="document-view__title">
        <h1>{document.title}</h1>
        {canEdit && document.kind !== 'faq' && (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              setTitle(document.title);
              setEditing(true);
            }}
          >
            Rename
          </button>
        )}
      </div>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ documentId: document.id, title });
  };
  return (
    <form className="document-view__title" onSubmit={submit}>
      <label className="field">
        <span className="field__label">Title</span>
        <input
          className="input"
          value={title}
          maxLength={200}
          required
          autoFocus
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <button type="submit" className="button button--small" disabled={rename.isPending}>
        Save title
      </button>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={() => setEditing(false)}
      >
        Cancel
      </button>
      {rename.error && <FormStatus error={rename.error.message} />}
    </form>
  );
}

function DocumentActions({ document, canEdit }: { document: KnowledgeDocument; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reprocess = useMutation(
    trpc.knowledge.reingest.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.knowledge.pathFilter()),
    }),
  );
  const original = `/api/knowledge/documents/${document.id}/original`;
  const busy = document.status === 'queued' || document.status === 'processing';
  return (
    <div className="actions">
      {document.kind !== 'faq' && (
        <>
          <a
            className="button button--quiet button--small"
            href={original}
            target="_blank"
            rel="noreferrer"
          >
            {document.kind === 'web' ? 'Open the page' : 'Open the original'}
          </a>
          {document.kind !== 'web' && (
            <a
              className="button button--quiet button--small"
              href={`${original}?download=1`}
              download
            >
              Download
            </a>
          )}
        </>
      )}
      {canEdit && document.kind !== 'faq' && (
        <button
          type="button"
          className="button button--quiet button--small"
          disabled={busy || reprocess.isPending}
          title="Reads the file again; if that fails, the passages it has now are kept."
          onClick={() => reprocess.mutate({ documentId: document.id })}
        >
          Re-process
        </button>
      )}
      {reprocess.error && <FormStatus error={reprocess.error.message} />}
      {reprocess.isSuccess && busy && <FormStatus done="Queued for processing again." />}
    </div>
  );
}

function Passages({ documentId }: { documentId: string }) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const sections = useQuery(trpc.knowledge.sections.queryOptions({ documentId }));
  const passages = useQuery(
    trpc.knowledge.passages.queryOptions(
      { documentId, page, search: search || undefined },
      { placeholderData: keepPreviousData },
    ),
  );
  const find = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft.trim());
    setPage(1);
  };
  const outline = sections.data ?? [];
  return (
    <div className="document-view__body">
      {outline.length > 1 && (
        <nav className="document-view__outline" aria-label="Pages and sections">
          <ol style={markerRoom(outline.length)}>
            {outline.map((section) => (
              <li key={`${section.page}-${section.firstOrdinal}`}>
                <button
                  type="button"
                  className="document-view__jump"
                  onClick={() => {
                    setSearch('');
                    setDraft('');
                    setPage(Math.floor(section.firstOrdinal / PASSAGES_PER_PAGE) + 1);
                  }}
                >
                  {sectionLabel(section)}
                </button>{' '}
                <span className="muted">({section.passages})</span>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <Panel
        id="passages"
        title="Passages"
        description="What the assistant searches, in reading order."
      >
        <form className="document-view__search" role="search" onSubmit={find}>
          <input
            className="input"
            type="search"
            aria-label="Search in this document"
            placeholder="Search in this document"
            value={draft}
            maxLength={200}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button button--small">
            Search
          </button>
          {search && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => {
                setSearch('');
                setDraft('');
                setPage(1);
              }}
            >
              Show all
            </button>
          )}
        </form>
        {passages.isError && <FormStatus error={passages.error.message} />}
        {passages.data && (
          <>
            <p className="muted" aria-live="polite">
              {search
                ? `${passages.data.total} passage${passages.data.total === 1 ? '' : 's'} with “${search}”`
                : `${passages.data.total} passages`}
            </p>
            <ol
              className="document-view__passages"
              style={markerRoom(Math.max(0, ...passages.data.passages.map((p) => p.ordinal + 1)))}
            >
              {passages.data.passages.map((passage) => (
                <li
                  key={passage.ordinal}
                  value={passage.ordinal + 1}
                  data-passage={passage.ordinal}
                >
                  <p className="muted">
                    {[passage.page !== null && `Page ${passage.page}`, passage.heading]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <p className="document-view__text">{passage.content}</p>
                </li>
              ))}
            </ol>
            <Pager page={passages.data.page} pageCount={passages.data.pageCount} onPage={setPage} />
          </>
        )}
      </Panel>
    </div>
  );
}

function Pager({
  page,
  pageCount,
  onPage,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav className="actions" aria-label="Passage pages">
      <button
        type="button"
        className="button button--quiet button--small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        Previous
      </button>
      <span>
        Page {page} of {pageCount}
      </span>
      <button
        type="button"
        className="button button--quiet button--small"
        disabled={page >= pageCount}
        onClick={() => onPage(page + 1)}
      >
        Next
      </button>
    </nav>
  );
}

/**
 * Room at a numbered list's start for its widest number ("10.", "120."), which is drawn in the
 * list's padding: a list that scrolls (the outline) would cut off what does not fit there.
 */
function markerRoom(largest: number): CSSProperties {
  return { '--marker-digits': String(Math.max(1, largest)).length } as CSSProperties;
}

function sectionLabel(section: { page: number | null; heading: string | null }): string {
  if (section.page !== null && section.heading) return `Page ${section.page}: ${section.heading}`;
  if (section.page !== null && !section.heading) return `Page ${section.page}`;
  return section.heading ?? 'Introduction';
}
