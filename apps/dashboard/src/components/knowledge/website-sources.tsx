'use client';

import { ACTIONS_COLUMN, DataTable } from '@replyline/ui/data-table';
import { Field } from '@replyline/ui/field';
import { FormStatus } from '@replyline/ui/form-status';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors } from '../widget/form-errors';
import { RowActions } from './row-actions';
import {
  crawlProgress,
  patternsFrom,
  SCHEDULE_LABEL,
  sourcePollInterval,
  SOURCE_STATUS_LABEL,
  type WebsiteSource,
} from './website-status';

const COLUMNS = ['Website', 'Re-crawl', 'Status', 'Pages', 'Last crawl'];

/**
 * The workspace's websites: add one by its address, watch its crawl (read again every 2 s
 * while one is queued or crawling), open its pages with each page's problem, re-crawl, delete.
 */
export function WebsiteSources({
  canEdit,
  initial,
}: {
  canEdit: boolean;
  initial?: WebsiteSource[];
}) {
  const trpc = useTRPC();
  const list = useQuery(
    trpc.knowledge.websites.queryOptions(undefined, {
      initialData: initial,
      refetchInterval: (query) => sourcePollInterval(query.state.data),
    }),
  );
  return (
    <div className="websites">
      {canEdit && <AddWebsiteForm />}
      {list.isPending && <p className="muted">Loading websites…</p>}
      {list.isError && <FormStatus error={list.error.message} />}
      {list.data && (
        <DataTable
          columns={[...COLUMNS, ...(canEdit ? [ACTIONS_COLUMN] : [])]}
          rows={list.data}
          renderRow={(source) => <SourceRow key={source.id} source={source} canEdit={canEdit} />}
          empty={<p className="empty">No websites yet.</p>}
        />
      )}
    </div>
  );
}

export function AddWebsiteForm({ onAdded }: { onAdded?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const add = useMutation(trpc.knowledge.addWebsite.mutationOptions());
  const [done, setDone] = useState<string | null>(null);
  const errors = formErrors(add.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const number = (name: string) => (text(name) ? Number(text(name)) : undefined);
    setDone(null);
    const added = await add
      .mutateAsync({
        url: text('url'),
        sitemapUrl: text('sitemapUrl') || undefined,
        maxPages: number('maxPages'),
        maxDepth: number('maxDepth'),
        include: patternsFrom(text('include')),
        exclude: patternsFrom(text('exclude')),
        schedule: (text('schedule') || 'weekly') as WebsiteSource['schedule'],
      })
      .catch(() => null);
    if (!added) return;
    form.reset();
    setDone(`Added ${added.startUrl}. Its pages appear below as they are read.`);
    await queryClient.invalidateQueries(trpc.knowledge.websites.pathFilter());
    onAdded?.();
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Import from your website">
      <Field
        id="website-url"
        label="Website address"
        hint="We read this page and the pages of the same site it links to."
        error={errors.fields.url ?? errors.message}
      >
        {(control) => (
          <input
            {...control}
            name="url"
            type="text"
            inputMode="url"
            required
            placeholder="https://www.example.com"
          />
        )}
      </Field>
      <details className="disclosure">
        <summary>Limits, sitemap and schedule</summary>
        <Field
          id="website-sitemap"
          label="Sitemap address (optional)"
          hint="Found in robots.txt when left empty."
        >
          {(control) => <input {...control} name="sitemapUrl" type="text" inputMode="url" />}
        </Field>
        <Field id="website-max-pages" label="Most pages" hint="200 when left empty.">
          {(control) => <input {...control} name="maxPages" type="number" min={1} max={5000} />}
        </Field>
        <Field
          id="website-max-depth"
          label="Most links away from the start page"
          hint="5 when left empty."
        >
          {(control) => <input {...control} name="maxDepth" type="number" min={0} max={20} />}
        </Field>
        <Field
          id="website-include"
          label="Only pages matching"
          hint="One pattern a line, * for anything: /help/*"
        >
          {(control) => <textarea {...control} name="include" rows={2} />}
        </Field>
        <Field
          id="website-exclude"
          label="Never pages matching"
          hint="One pattern a line: /blog/*, *?print=*"
        >
          {(control) => <textarea {...control} name="exclude" rows={2} />}
        </Field>
        <Field id="website-schedule" label="Read again">
          <select id="website-schedule" name="schedule" defaultValue="weekly">
            {Object.entries(SCHEDULE_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </details>
      <SubmitRow
        label="Import website"
        pendingLabel="Adding…"
        pending={add.isPending}
        error={null}
        done={done}
      />
    </form>
  );
}

function SourceRow({ source, canEdit }: { source: WebsiteSource; canEdit: boolean }) {
  const [open, setOpen] = useState(false);
  const progress = crawlProgress(source);
  return (
    <>
      <tr data-website-id={source.id} data-status={source.status}>
        <td>
          <button
            type="button"
            className="button button--link"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {source.startUrl}
          </button>
          {source.error && <p className="field__error">{source.error}</p>}
        </td>
        <td>{SCHEDULE_LABEL[source.schedule]}</td>
        <td>
          <span className={`status status--${source.status}`}>
            {SOURCE_STATUS_LABEL[source.status]}
          </span>
          {progress && <span className="document__pages muted">{progress}</span>}
        </td>
        <td>{source.pagesIndexed}</td>
        <td>
          {source.lastCrawledAt ? (
            <time dateTime={new Date(source.lastCrawledAt).toISOString()}>
              {new Date(source.lastCrawledAt).toLocaleString()}
            </time>
          ) : (
            '–'
          )}
        </td>
        {canEdit && (
          <td>
            <SourceActions source={source} />
          </td>
        )}
      </tr>
      {open && (
        <tr className="website__pages">
          <td colSpan={COLUMNS.length + (canEdit ? 1 : 0)}>
            <WebsitePages sourceId={source.id} />
          </td>
        </tr>
      )}
    </>
  );
}

function WebsitePages({ sourceId }: { sourceId: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.knowledge.website.queryOptions({ sourceId }));
  if (detail.isPending) return <p className="muted">Loading pages…</p>;
  if (detail.isError) return <FormStatus error={detail.error.message} />;
  if (detail.data.pages.length === 0) return <p className="muted">No pages read yet.</p>;
  return (
    <ul className="website__page-list" aria-label={`Pages of ${detail.data.startUrl}`}>
      {detail.data.pages.map((page) => (
        <li key={page.url} data-page-status={page.status}>
          <a href={page.url} target="_blank" rel="noreferrer">
            {page.title ?? page.url}
          </a>{' '}
          <span className={`status status--${page.status === 'indexed' ? 'ready' : page.status}`}>
            {page.status === 'indexed'
              ? 'In use'
              : page.status === 'skipped'
                ? 'Skipped'
                : 'Failed'}
          </span>
          {page.error && (
            <p className={page.status === 'failed' ? 'field__error' : 'hint'}>{page.error}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

function SourceActions({ source }: { source: WebsiteSource }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = {
    onSuccess: () => queryClient.invalidateQueries(trpc.knowledge.websites.pathFilter()),
  };
  const recrawl = useMutation(trpc.knowledge.recrawlWebsite.mutationOptions(options));
  const remove = useMutation(trpc.knowledge.deleteWebsite.mutationOptions(options));
  const crawling = source.status === 'queued' || source.status === 'crawling';
  return (
    <RowActions
      busy={recrawl.isPending || remove.isPending}
      actions={[
        {
          label: 'Re-crawl',
          ariaLabel: `Re-crawl ${source.startUrl}`,
          disabled: crawling,
          run: () => recrawl.mutateAsync({ sourceId: source.id }),
        },
        {
          label: 'Delete',
          ariaLabel: `Delete ${source.startUrl}`,
          danger: true,
          confirm: `Delete ${source.startUrl}? The assistant stops using its pages at once.`,
          run: () => remove.mutateAsync({ sourceId: source.id }),
        },
      ]}
    />
  );
}
