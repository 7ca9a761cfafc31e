'use client';

import { useEffect, useState } from 'react';
import './pwa.css';

/** While offline, look again this often; the banner goes as soon as the server answers. */
const RECHECK_MS = 10_000;

async function serverAnswers(): Promise<boolean> {
  if (!navigator.onLine) return false;
  try {
    const response = await fetch('/api/health', { cache: 'no-store' });
    return response.status < 500;
  } catch {
    return false;
  }
}

/**
 * Says so when the dashboard cannot be reached: the browser is offline, or the page came from
 * the service worker's copy because the server did not answer. The page is then as last seen.
 */
export function OfflineBanner() {
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const check = async () => {
      clearTimeout(timer);
      const up = await serverAnswers();
      if (stopped) return;
      setOffline(!up);
      if (!up) timer = setTimeout(() => void check(), RECHECK_MS);
    };
    const wentOffline = () => setOffline(true);
    const cameBack = () => void check();
    void check();
    window.addEventListener('offline', wentOffline);
    window.addEventListener('online', cameBack);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('offline', wentOffline);
      window.removeEventListener('online', cameBack);
    };
  }, []);
  if (!offline) return null;
  return (
    <div className="offline-banner" role="status" data-offline-banner>
      <strong>You are offline.</strong> This is the page as you last opened it; changes cannot be
      saved until you are back online.
    </div>
  );
}
