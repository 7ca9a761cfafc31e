import { LogoMark } from '@replyline/ui/logo';
import type { ReactNode } from 'react';

/** The centred card of the signed-out pages. */
export function AuthCard({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="auth">
      <div className="auth__card">
        <div className="brand">
          <LogoMark />
          <span>Replyline</span>
        </div>
        {children}
      </div>
      {footer && <p className="auth__footer muted">{footer}</p>}
    </main>
  );
}
