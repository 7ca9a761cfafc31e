'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { SECTIONS } from './sections';

export function SidebarNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard" className="nav">
      <ul>
        {Object.values(SECTIONS).map((section) => {
          const active = pathname === section.href || pathname.startsWith(`${section.href}/`);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                className="nav__link"
                aria-current={active ? 'page' : undefined}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
