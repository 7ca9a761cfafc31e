import type { ReactNode } from 'react';

/** For people whose role lets them look but not change. */
export function ReadOnlyNotice({ children }: { children: ReactNode }) {
  return <p className="notice notice--top">{children}</p>;
}
