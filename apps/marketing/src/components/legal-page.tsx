import type { ReactNode } from 'react';

/** When the terms or the privacy policy last changed in substance. */
export const LEGAL_UPDATED = '25 November 2026';

/** The frame of a legal page: one heading, the date it took effect, readable text. */
export function LegalPage({
  id,
  title,
  summary,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  children: ReactNode;
}) {
  return (
    <div className="container legal">
      <article className="prose" aria-labelledby={id}>
        <header>
          <p className="eyebrow">Legal</p>
          <h1 id={id}>{title}</h1>
          <p className="lead">{summary}</p>
          <p className="muted small">Last updated {LEGAL_UPDATED}</p>
        </header>
        {children}
      </article>
    </div>
  );
}
