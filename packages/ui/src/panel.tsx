import type { ReactNode } from 'react';

/** One titled card of a dashboard page; its id is the in-page link target. */
export function Panel({
  id,
  title,
  description,
  actions,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="panel" id={id} aria-labelledby={`${id}-title`}>
      <header className="panel__header">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          {description && <p className="muted panel__description">{description}</p>}
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}
