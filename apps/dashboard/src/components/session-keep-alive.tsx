'use client';

import { useEffect } from 'react';

/**
 * Asks Auth.js for the session once per page load: it pushes the expiry of an active session
 * forward (at most once a day), so people who use the dashboard stay signed in.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    void fetch('/api/auth/session', { cache: 'no-store' }).catch(() => undefined);
  }, []);
  return null;
}
