'use client';

import { Field } from '@replyline/ui/field';
import { SubmitRow } from '@replyline/ui/submit-row';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors } from '../widget/form-errors';

/** A page of text or Markdown typed or pasted in, processed like an uploaded file. */
export function TextDocumentForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const add = useMutation(trpc.knowledge.addText.mutationOptions());
  const [done, setDone] = useState<string | null>(null);
  const errors = formErrors(add.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setDone(null);
    const added = await add
      .mutateAsync({
        title: String(data.get('title') ?? ''),
        text: String(data.get('text') ?? ''),
        format: data.get('format') === 'text' ? 'text' : 'markdown',
      })
      .catch(() => null);
    if (!added) return;
    form.reset();
    setDone(
      added.duplicate
        ? 'This text is already in your knowledge; nothing new was added.'
        : 'Added. It is searchable once processing finishes (see the list above).',
    );
    await queryClient.invalidateQueries(trpc.knowledge.list.pathFilter());
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-label="Add a text document">
      <Field id="text-title" label="Title" error={errors.fields.title}>
        {(control) => (
          <input
            {...control}
            name="title"
            required
            maxLength={200}
            placeholder="Shipping and returns"
          />
        )}
      </Field>
      <Field id="text-format" label="Format">
        <select id="text-format" name="format" defaultValue="markdown">
          <option value="markdown">Markdown (headings become sections)</option>
          <option value="text">Plain text</option>
        </select>
      </Field>
      <Field
        id="text-body"
        label="Text"
        hint="Paste a help article, policy or product page."
        error={errors.fields.text}
      >
        {(control) => <textarea {...control} name="text" rows={8} required />}
      </Field>
      <SubmitRow
        label="Add document"
        pendingLabel="Adding…"
        pending={add.isPending}
        error={errors.message}
        done={done}
      />
    </form>
  );
}
