'use client';

import { LogoMark } from '@replyline/ui/logo';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState, type ReactNode } from 'react';

const MENU_ID = 'sidebar-menu';

/**
 * The sidebar's frame. On a desktop the menu (workspace, sections, the person) is always shown;
 * on a phone it folds behind a header with the workspace's name and a Menu button, so every
 * page starts with its own content instead of a screen of links. The button is a disclosure:
 * it opens by click or tap (no hover), focus stays on it (the menu follows it in tab order),
 * and Escape closes the menu and hands focus back to the button.
 */
export function SidebarMenu({
  workspaceName,
  children,
}: {
  workspaceName: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Navigation of any kind (back, forward, a link in the page) closes it.
  const pathname = usePathname();
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <aside className="sidebar" data-menu={open ? 'open' : 'closed'}>
      <div className="sidebar__bar">
        <div className="brand">
          <LogoMark />
          <span className="brand__name">Replyline</span>
          <span className="sidebar__workspace" title={workspaceName}>
            {workspaceName}
          </span>
        </div>
        <button
          ref={button}
          type="button"
          className="button button--quiet sidebar__toggle"
          aria-expanded={open}
          aria-controls={MENU_ID}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true" className="sidebar__toggle-icon" />
          Menu
        </button>
      </div>
      {/* A followed link closes the menu; the link had focus and is hidden with it, so focus
          moves to the page's content (which the next page replaces) instead of the document. */}
      <div
        id={MENU_ID}
        className="sidebar__menu"
        onClick={(event) => {
          if (!open || !(event.target as Element).closest('a')) return;
          setOpen(false);
          document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
        }}
      >
        {children}
      </div>
    </aside>
  );
}
