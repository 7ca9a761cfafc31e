'use client';

import type { PlanId } from '@replyline/billing/plans';
import { useMutation } from '@tanstack/react-query';
import { useState, useTransition, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { openNewWorkspace } from './actions';

const LANGUAGES = [
  ['english', 'English'],
  ['swedish', 'Swedish'],
  ['norwegian', 'Norwegian'],
  ['danish', 'Danish'],
  ['german', 'German'],
] as const;
type Language = (typeof LANGUAGES)[number][0];

/**
 * People type "northwind.example"; the API wants a full URL. The scheme typed is kept; a bare
 * address of this machine (localhost:8090) serves http, anything else https (as the widget
 * editor's allowed websites read them).
 */
export function normaliseSiteUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  return `${/^(?:localhost|127\.0\.0\.1)(?::\d+)?(?:\/|$)/i.test(trimmed) ? 'http' : 'https'}://${trimmed}`;
}

/** `plan`: a paid plan picked on the pricing page; its checkout follows the new workspace. */
export function OnboardingForm({ plan = null }: { plan?: PlanId | null }) {
  const trpc = useTRPC();
  const create = useMutation(trpc.workspace.create.mutationOptions());
  const [opening, startOpening] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  const fields: Partial<Record<string, string[]>> = create.error?.data?.fields ?? {};
  const busy = create.isPending || opening;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFailure(null);
    try {
      const { tenantId } = await create.mutateAsync({
        name: String(form.get('name') ?? ''),
        siteUrl: normaliseSiteUrl(String(form.get('siteUrl') ?? '')),
        language: String(form.get('language') ?? 'english') as Language,
      });
      // The server remembers the new workspace as the selected one and continues onboarding.
      startOpening(() => openNewWorkspace(tenantId, plan));
    } catch (error) {
      setFailure((error as Error).message);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit}>
      {failure && !fields.name && !fields.siteUrl && (
        <p role="alert" className="alert">
          {failure}
        </p>
      )}
      <div className="field">
        <label htmlFor="name">Business name</label>
        <input
          id="name"
          name="name"
          required
          minLength={2}
          maxLength={80}
          autoComplete="organization"
          placeholder="Northwind Movers"
          aria-invalid={fields.name ? true : undefined}
        />
        {fields.name && <p className="field__error">{fields.name[0]}</p>}
      </div>
      <div className="field">
        <label htmlFor="siteUrl">Website</label>
        <input
          id="siteUrl"
          name="siteUrl"
          inputMode="url"
          autoComplete="url"
          placeholder="https://northwind.example"
          aria-describedby="siteUrl-hint"
          aria-invalid={fields.siteUrl ? true : undefined}
        />
        <p id="siteUrl-hint" className="hint">
          Where the chat widget will run. You can add more sites later.
        </p>
        {fields.siteUrl && <p className="field__error">{fields.siteUrl[0]}</p>}
      </div>
      <div className="field">
        <label htmlFor="language">Language your customers write in</label>
        <select id="language" name="language" defaultValue="english">
          {LANGUAGES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Creating…' : 'Create workspace'}
      </button>
    </form>
  );
}
