'use client';

import { Field } from '@replyline/ui/field';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors } from '../widget/form-errors';

type FaqFormat = 'csv' | 'markdown';

/** The format a file's name suggests; Markdown unless it says CSV (or TSV, read the same way). */
export function faqFormatOf(filename: string): FaqFormat {
  return /\.(csv|tsv)$/i.test(filename) ? 'csv' : 'markdown';
}

/** "Added 4 entries." / "Added 3 entries; 1 was already there." */
export function importSummary(result: { added: number; duplicates: number }): string {
  const added = `Added ${result.added} ${result.added === 1 ? 'entry' : 'entries'}`;
  if (!result.duplicates) return `${added}.`;
  return `${added}; ${result.duplicates} ${result.duplicates === 1 ? 'was' : 'were'} already there.`;
}

const HINT =
  'CSV: a question and an answer column (a header row is optional). Markdown: each "## question" heading followed by its answer. One bad entry and nothing is imported; the message names it.';

/** Many FAQ entries at once, from a CSV or Markdown file or pasted text. */
export function FaqImport() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const importFaq = useMutation(trpc.knowledge.importFaq.mutationOptions());
  const [format, setFormat] = useState<FaqFormat>('markdown');
  const [content, setContent] = useState('');
  const [filename, setFilename] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const errors = formErrors(importFaq.error);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    setFilename(file.name);
    setFormat(faqFormatOf(file.name));
    setContent(await file.text());
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const result = await importFaq.mutateAsync({ format, content, filename }).catch(() => null);
    if (!result) return;
    setDone(importSummary(result));
    setContent('');
    setFilename(undefined);
    await Promise.all([
      queryClient.invalidateQueries(trpc.knowledge.faqEntries.pathFilter()),
      queryClient.invalidateQueries(trpc.knowledge.list.pathFilter()),
    ]);
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Import FAQ entries">
      <Field id="faq-import-file" label="File (optional)">
        <input
          id="faq-import-file"
          type="file"
          name="faqFile"
          accept=".csv,.tsv,.md,.markdown,.txt,text/csv,text/markdown,text/plain"
          onChange={(event) => void onFile(event)}
        />
      </Field>
      <Field id="faq-import-format" label="Format">
        <select
          id="faq-import-format"
          name="format"
          value={format}
          onChange={(event) => setFormat(event.currentTarget.value as FaqFormat)}
        >
          <option value="markdown">Markdown</option>
          <option value="csv">CSV</option>
        </select>
      </Field>
      <Field
        id="faq-import-content"
        label={filename ? `Contents of ${filename}` : 'Or paste the entries'}
        hint={HINT}
        error={errors.fields.content}
      >
        {(control) => (
          <textarea
            {...control}
            name="content"
            rows={8}
            required
            value={content}
            onChange={(event) => setContent(event.currentTarget.value)}
            placeholder={'## Do you move pianos?\nYes, upright pianos are $250 within the city.'}
          />
        )}
      </Field>
      <SubmitRow
        label="Import entries"
        pendingLabel="Importing…"
        pending={importFaq.isPending}
        error={errors.message}
        done={done}
      />
    </form>
  );
}
