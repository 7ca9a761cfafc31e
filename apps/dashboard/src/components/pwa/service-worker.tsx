'use client';

import { useEffect } from 'react';
import { forgetOfflinePages } from './offline-pages';

/**
 * Registers the service worker (offline pages, push notifications) once per page load. On the
 * sign-in page it first forgets every kept page (see offline-pages.ts).
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!('serviceWorker' in navigator)) return;
    if (window.location.pathname.startsWith('/sign-in')) void forgetOfflinePages();
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  }, []);
  return null;
}
