'use client';

import { LogoMark } from '@replyline/ui/logo';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';

const MENU_ID = 'sidebar-menu';

const noSubscription = () => () => {};
/** False in the server's HTML (and while the page has no script), true once it has hydrated. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * The sidebar's frame. On a desktop the menu (workspace, sections, the person) is always shown;
 * on a phone it folds behind a header with the workspace's name and a Menu button, so every
 * page starts with its own content instead of a screen of links. The button is a disclosure:
 * it opens by click or tap (no hover), focus stays on it (the menu follows it in tab order),
 * and Escape closes the menu and hands focus back to the button.
 * Until the script has run (a slow network, or none at all) the button would do nothing, so the
 * header has plain links instead: Menu points at the menu, which the page's CSS shows while it
 * is the address's target, and Close points away from it.
 */
export function SidebarMenu({
  workspaceName,
  children,
}: {
  workspaceName: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const button = useRef<HTMLButtonElement>(null);
  // Navigation of any kind (back, forward, a link in the page) closes it.
  const pathname = usePathname();
  useEffect(() => setOpen(false), [pathname]);
  // Opened by its link before the script came: it stays open, now as the button's state.
  useEffect(() => {
    if (window.location.hash !== `#${MENU_ID}`) return;
    setOpen(true);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }, []);

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
    <aside className="sidebar" data-menu={hydrated ? (open ? 'open' : 'closed') : 'links'}>
      <div className="sidebar__bar">
        <div className="brand">
          <LogoMark />
          <span className="brand__name">Replyline</span>
          <span className="sidebar__workspace" title={workspaceName}>
            {workspaceName}
          </span>
        </div>
        {hydrated ? (
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
        ) : (
          <>
            <a href={`#${MENU_ID}`} className="button button--quiet sidebar__toggle sidebar__open">
              <span aria-hidden="true" className="sidebar__toggle-icon" />
              Menu
            </a>
            <a href="#" className="button button--quiet sidebar__toggle sidebar__close">
              <span aria-hidden="true" className="sidebar__toggle-icon" />
              Close
            </a>
          </>
        )}
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
