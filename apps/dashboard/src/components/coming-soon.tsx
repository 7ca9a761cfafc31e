import { SECTIONS, type SectionId } from './sections';

/** Stands in for a page that is not built yet. */
export function ComingSoon({ section }: { section: SectionId }) {
  const { label, purpose } = SECTIONS[section];
  return (
    <section className="page">
      <header className="page__header">
        <h1>{label}</h1>
        <p className="muted">{purpose}</p>
      </header>
      <p className="empty">Coming soon.</p>
    </section>
  );
}
